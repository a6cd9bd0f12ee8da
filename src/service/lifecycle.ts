// Install, uninstall, start, stop, restart: write the definition as a file first, then ask the
// service manager. Where the manager cannot work, the file is still written and the result says
// precisely why it could not be enabled (the CLI turns that into exit 1).
import fs from 'node:fs';
import path from 'node:path';
import { readConfigFile } from '../config/load.js';
import type { ResolvedPaths } from '../config/paths.js';
import { resolvePort } from '../config/gateway-settings.js';
import { writeFileAtomic } from '../config/write.js';
import { said, type MessageRef } from '../i18n/index.js';
import { defaultServiceDirs, definitionPath, gatewayServiceSpec, kindForPlatform, serviceNames, type ServiceDirs, type ServiceKind, type ServiceSpec } from './definition.js';
import { launchdManager } from './launchd-manager.js';
import { stepsSucceeded, type Availability, type CommandResult, type ServiceManager } from './manager.js';
import { renderTaskScript, renderTaskXml } from './schtasks.js';
import { schtasksManager } from './schtasks-manager.js';
import { renderSystemdUnit } from './systemd.js';
import { systemdManager, type SystemdOptions } from './systemd-manager.js';

export interface ServiceTarget {
  paths: ResolvedPaths;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  dirs?: ServiceDirs;
  /** Injectable for tests; defaults to the platform's real manager. */
  manager?: ServiceManager;
}

export interface InstallOptions extends ServiceTarget {
  force?: boolean;
  port?: number;
  nodePath?: string;
  entry?: string;
}

/** Why a step failed: what it printed on stderr, or its exit code. */
function stepError(step: CommandResult | undefined): string | MessageRef {
  return step?.stderr || { id: 'service.lifecycle.exit', params: { code: step?.exitCode ?? null } };
}

export interface LifecycleResult {
  ok: boolean;
  kind: ServiceKind;
  name: string;
  file: string;
  /** Set when the service manager could not be used; `reason` names the failed check. */
  unavailable?: Extract<Availability, { ok: false }>;
  steps: CommandResult[];
  /** What happened, in English (--json and logs). */
  message: string;
  /** The same as a catalog message, for the terminal in the reader's language. */
  text: MessageRef;
}

export interface InstallResult extends LifecycleResult {
  port: number;
  written: boolean;
  /** The file already held exactly this definition. */
  unchanged: boolean;
  /** A different definition exists and --force was not given. */
  exists: boolean;
  backup?: string;
  activated: boolean;
  warnings: string[];
}

export function managerFor(kind: ServiceKind, env: NodeJS.ProcessEnv, port?: number, systemd: Pick<SystemdOptions, 'askBusWhenNotBooted'> = {}): ServiceManager {
  if (kind === 'launchd') return launchdManager({ env, port });
  if (kind === 'schtasks') return schtasksManager({ env, port });
  return systemdManager({ env, port, ...systemd });
}

export function targetOf(t: Omit<ServiceTarget, 'manager'>) {
  const env = t.env ?? process.env;
  const kind = kindForPlatform(t.platform ?? process.platform);
  const dirs = t.dirs ?? defaultServiceDirs(t.paths, env);
  const names = serviceNames(t.paths.profile?.value);
  const name = kind === 'systemd' ? names.systemdUnit : kind === 'launchd' ? names.launchdLabel : names.taskName;
  return { env, kind, dirs, name, file: definitionPath(kind, dirs, names) };
}

async function render(kind: ServiceKind, spec: ServiceSpec, file: string): Promise<Array<{ file: string; text: string }>> {
  if (kind === 'systemd') return [{ file, text: renderSystemdUnit(spec) }];
  if (kind === 'launchd') return [{ file, text: (await import('./launchd.js')).renderLaunchdPlist(spec) }];
  const script = path.join(path.dirname(file), 'gateway.cmd');
  return [
    { file: script, text: renderTaskScript(spec) },
    { file, text: renderTaskXml(spec, script) },
  ];
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The port the installed service will get: --port, else what the gateway would resolve; warns about start blockers. */
function installPort(opts: InstallOptions, env: NodeJS.ProcessEnv, warnings: string[]): number {
  // A broken config throws a ConfigError here: better to stop than to install a service that exits 78.
  const config = readConfigFile(opts.paths.configPath.value);
  const file = opts.paths.configPath.value;
  if (!config.exists) warnings.push(`no config at ${file}: the service will exit with 78 until you run \`openclaw setup\``);
  else {
    const mode = (config.resolved.gateway as { mode?: unknown } | undefined)?.mode;
    if (mode !== 'local') warnings.push(`gateway.mode is ${mode === undefined ? 'not set' : JSON.stringify(mode)} in ${file}: the service will exit with 78 until you run \`openclaw config set gateway.mode local\``);
  }
  if (opts.port !== undefined) return opts.port;
  return resolvePort(config.exists ? config.resolved : undefined, {}, env, opts.paths.defaultPort).value;
}

/** Writes the definition for this profile and enables it. Also the executor's `service.install` operation. */
export async function installService(opts: InstallOptions): Promise<InstallResult> {
  const { env, kind, dirs, name, file } = targetOf(opts);
  const warnings: string[] = [];
  const port = installPort(opts, env, warnings);
  const spec = gatewayServiceSpec({ paths: opts.paths, port, kind, nodePath: opts.nodePath, entry: opts.entry });
  const files = await render(kind, spec, file);
  const base = { kind, name, file, port, steps: [] as CommandResult[], warnings, written: false, unchanged: false, exists: false, activated: false };

  const current = files.map((f) => readIfExists(f.file));
  const unchanged = current.every((text, i) => text === files[i].text);
  if (current[current.length - 1] !== undefined && !unchanged && !opts.force) {
    return { ...base, ok: false, exists: true, ...said('service.lifecycle.exists-different', { file }) };
  }
  let backup: string | undefined;
  if (!unchanged) {
    for (const [i, f] of files.entries()) {
      fs.mkdirSync(path.dirname(f.file), { recursive: true });
      // Keep the definition being replaced: a reinstall must be undoable.
      if (current[i] !== undefined) {
        fs.copyFileSync(f.file, `${f.file}.bak`);
        // The old definition may hold a token; the backup is for its owner only.
        fs.chmodSync(`${f.file}.bak`, 0o600);
      }
      writeFileAtomic(f.file, f.text, 0o644);
    }
    if (current[current.length - 1] !== undefined) backup = `${file}.bak`;
  }
  fs.mkdirSync(spec.logsDir, { recursive: true, mode: 0o700 });

  const manager = opts.manager ?? managerFor(kind, env, port);
  const availability = await manager.available();
  const written = !unchanged;
  const what: MessageRef = { id: unchanged ? 'service.lifecycle.up-to-date' : 'service.lifecycle.wrote', params: { file } };
  if (!availability.ok) {
    return { ...base, ok: false, written, unchanged, backup, unavailable: availability, ...said('service.lifecycle.not-enabled', { what, reason: availability.reasonRef ?? availability.reason }) };
  }
  const steps = await manager.activate(name, file);
  const ok = stepsSucceeded(steps);
  const failed = steps.find((s) => !s.ok && !s.optional);
  return {
    ...base,
    ok,
    written,
    unchanged,
    backup,
    steps,
    activated: ok,
    ...(ok ? said('service.lifecycle.enabled', { what, name }) : said('service.lifecycle.then-failed', { what, command: failed?.command ?? null, error: stepError(failed) })),
  };
}

function isInstalled(kind: ServiceKind, file: string): boolean {
  return fs.existsSync(file);
}

function notInstalled(base: Omit<LifecycleResult, 'ok' | 'message' | 'text'>): LifecycleResult {
  return { ...base, ok: false, ...said('service.lifecycle.not-installed', { file: base.file }) };
}

/** Stops and disables the service, then moves its definition aside to `<file>.bak`. */
export async function uninstallService(opts: ServiceTarget): Promise<LifecycleResult> {
  const { env, kind, name, file } = targetOf(opts);
  const base = { kind, name, file, steps: [] as CommandResult[] };
  if (!isInstalled(kind, file)) return { ...base, ok: true, ...said('service.lifecycle.nothing-to-remove', { file }) };
  const manager = opts.manager ?? managerFor(kind, env);
  const availability = await manager.available();
  const steps = availability.ok ? await manager.deactivate(name, file) : [];
  fs.renameSync(file, `${file}.bak`);
  if (kind === 'schtasks') fs.rmSync(path.join(path.dirname(file), 'gateway.cmd'), { force: true });
  const removed = !availability.ok
    ? said('service.lifecycle.removed-unavailable', { file, reason: availability.reasonRef ?? availability.reason })
    : stepsSucceeded(steps)
      ? said('service.lifecycle.removed', { file })
      : said('service.lifecycle.removed-disable-failed', { file, error: steps.find((s) => !s.ok)?.stderr ?? '' });
  return { ...base, ok: true, steps, ...removed };
}

export type ControlAction = 'start' | 'stop' | 'restart';

/** start / stop / restart through the service manager; fails clearly when not installed or unavailable. */
export async function controlService(action: ControlAction, opts: ServiceTarget): Promise<LifecycleResult> {
  const { env, kind, name, file } = targetOf(opts);
  const base = { kind, name, file, steps: [] as CommandResult[] };
  if (!isInstalled(kind, file)) return notInstalled(base);
  const manager = opts.manager ?? managerFor(kind, env);
  const availability = await manager.available();
  if (!availability.ok) return { ...base, ok: false, unavailable: availability, ...said('service.lifecycle.cannot', { action, name, reason: availability.reasonRef ?? availability.reason }) };
  const steps = await manager[action](name, file);
  const ok = stepsSucceeded(steps);
  const failed = steps.find((s) => !s.ok && !s.optional);
  return { ...base, ok, steps, ...(ok ? said('service.lifecycle.done', { name, action }) : said('service.lifecycle.failed', { command: failed?.command ?? null, error: stepError(failed) })) };
}
