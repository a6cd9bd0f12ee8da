// Reading installed definitions back from disk, and finding every gateway-like definition (--deep).
import fs from 'node:fs';
import path from 'node:path';
import { runsGateway, type ServiceDefinition, type ServiceDirs, type ServiceKind } from './definition.js';
import { readTaskXml } from './schtasks.js';
import { readSystemdUnit } from './systemd.js';

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Reads one definition file; throws (ENOENT, a broken plist) and lets the caller say what failed. */
export async function readDefinitionFile(kind: ServiceKind, file: string, home?: string): Promise<ServiceDefinition> {
  // The plist parser is loaded only where plists exist.
  if (kind === 'launchd') return (await import('./launchd.js')).readLaunchdPlist(fs.readFileSync(file), file);
  const text = fs.readFileSync(file, 'utf8');
  if (kind === 'systemd') return readSystemdUnit(text, file, { home });
  return readTaskXml(text, file, readText);
}

/** Unit and plist names worth opening: the OpenClaw family and its former names. */
const FAMILY = /(openclaw|clawdbot|moltbot)/i;

export interface FoundService {
  definition: ServiceDefinition;
  /** `user` for per-user dirs, `system` for system-wide ones. */
  scope: 'user' | 'system';
}

function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * Every definition in the given dirs that runs an OpenClaw-family gateway. Files that merely share
 * the name (an exporter, a sidecar) are opened and dropped when their command is not a gateway.
 */
export async function scanGatewayServices(kind: ServiceKind, dirs: ServiceDirs, home?: string): Promise<FoundService[]> {
  const places: Array<{ dir: string; scope: 'user' | 'system'; ext: string }> =
    kind === 'systemd'
      ? [{ dir: dirs.systemdUser, scope: 'user', ext: '.service' }, ...dirs.systemdOther.map((dir) => ({ dir, scope: path.basename(dir) === 'user' ? ('user' as const) : ('system' as const), ext: '.service' }))]
      : kind === 'launchd'
        ? [{ dir: dirs.launchAgents, scope: 'user', ext: '.plist' }, ...dirs.launchOther.map((dir) => ({ dir, scope: 'system' as const, ext: '.plist' }))]
        : [{ dir: dirs.windowsTasks, scope: 'user', ext: '.xml' }];
  const found: FoundService[] = [];
  const seen = new Set<string>();
  for (const { dir, scope, ext } of places) {
    for (const name of listDir(dir).sort()) {
      if (!name.endsWith(ext) || (kind !== 'schtasks' && !FAMILY.test(name))) continue;
      const file = path.join(dir, name);
      const real = safeRealpath(file);
      if (seen.has(real)) continue;
      seen.add(real);
      try {
        const definition = await readDefinitionFile(kind, file, home);
        if (runsGateway(definition)) found.push({ definition, scope });
      } catch {
        /* unreadable or not a definition: not evidence of a gateway */
      }
    }
  }
  return found;
}

function safeRealpath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}
