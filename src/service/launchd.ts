// The launchd agent plist (label `ai.openclaw.gateway`), written and read with the `plist` package,
// which also reads the binary plists `plutil -convert binary1` leaves behind.
import path from 'node:path';
import { build, parse, parseBinary, type PlistValue } from 'plist';
import { portFromArgs, type ServiceDefinition, type ServiceSpec } from './definition.js';

export function renderLaunchdPlist(spec: ServiceSpec): string {
  return build({
    Label: spec.name,
    Comment: spec.description,
    ProgramArguments: spec.programArguments,
    EnvironmentVariables: spec.env,
    WorkingDirectory: spec.workingDirectory,
    RunAtLoad: true,
    KeepAlive: true,
    // launchd's equivalent of RestartSec: do not respawn faster than this.
    ThrottleInterval: 5,
    StandardOutPath: path.join(spec.logsDir, 'gateway.log'),
    StandardErrorPath: path.join(spec.logsDir, 'gateway.err.log'),
  });
}

export class PlistReadError extends Error {}

function parsePlist(data: Buffer | string): PlistValue {
  const buf = typeof data === 'string' ? Buffer.from(data) : data;
  try {
    return buf.subarray(0, 6).toString('latin1') === 'bplist' ? parseBinary(buf) : parse(buf.toString('utf8'));
  } catch (err) {
    throw new PlistReadError(`not a readable property list: ${(err as Error).message}`);
  }
}

function strings(value: PlistValue | undefined): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

export function readLaunchdPlist(data: Buffer | string, file: string): ServiceDefinition {
  const root = parsePlist(data);
  if (!root || typeof root !== 'object' || Array.isArray(root) || root instanceof Date || root instanceof Uint8Array) {
    throw new PlistReadError('the top level is not a dictionary');
  }
  const dict = root as Record<string, PlistValue>;
  const program = typeof dict.Program === 'string' ? dict.Program : undefined;
  let programArguments = strings(dict.ProgramArguments);
  if (program && programArguments.length === 0) programArguments = [program];
  const envDict = dict.EnvironmentVariables;
  const env: Record<string, string> = {};
  if (envDict && typeof envDict === 'object' && !Array.isArray(envDict)) {
    for (const [k, v] of Object.entries(envDict as Record<string, PlistValue>)) env[k] = String(v);
  }
  const keepAlive = dict.KeepAlive;
  return {
    kind: 'launchd',
    name: typeof dict.Label === 'string' ? dict.Label : path.basename(file, '.plist'),
    file,
    programArguments,
    env,
    envFiles: [],
    port: portFromArgs(programArguments),
    restart: keepAlive === undefined ? undefined : typeof keepAlive === 'boolean' ? (keepAlive ? 'always' : 'no') : 'conditional',
  };
}
