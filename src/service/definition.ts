// What a gateway service is, independent of the service manager: the spec we install and the
// definition we read back from a unit file, a plist or a task, with upstream's names (reference §6).
import path from 'node:path';
import type { ResolvedPaths } from '../config/paths.js';
import { packageRoot } from '../package-root.js';

export type ServiceKind = 'systemd' | 'launchd' | 'schtasks';

/** What `gateway install` writes: the same data whatever the service manager. */
export interface ServiceSpec {
  /** Unit file name, launchd label or task name. */
  name: string;
  description: string;
  /** argv: `<node> <entry> gateway --port <port>`. */
  programArguments: string[];
  env: Record<string, string>;
  /** Service stdout/stderr go to gateway.log / gateway.err.log here (reference §1). */
  logsDir: string;
  workingDirectory: string;
}

/** A service definition read back from disk. */
export interface ServiceDefinition {
  kind: ServiceKind;
  name: string;
  file: string;
  programArguments: string[];
  env: Record<string, string>;
  /** EnvironmentFile= entries (systemd): noted, not read; a token could hide there. */
  envFiles: string[];
  /** `--port` from the command line, when it has one. */
  port?: number;
  /** Restart=, or launchd KeepAlive / task restart settings, as written. */
  restart?: string;
}

/** The variables the doctor reads from a service (reference §6). */
export const SERVICE_ENV_KEYS = ['OPENCLAW_STATE_DIR', 'OPENCLAW_CONFIG_PATH', 'OPENCLAW_PROFILE', 'OPENCLAW_GATEWAY_TOKEN', 'OPENCLAW_HOME', 'OPENCLAW_GATEWAY_PORT', 'PATH'] as const;

function namedProfile(profile: string | undefined): string | undefined {
  return profile && profile !== 'default' ? profile : undefined;
}

export interface ServiceNames {
  systemdUnit: string;
  launchdLabel: string;
  taskName: string;
}

/** Upstream names: `openclaw-gateway[-<profile>].service`, `ai.openclaw.gateway` / `ai.openclaw.<profile>`, `OpenClaw Gateway`. */
export function serviceNames(profile?: string): ServiceNames {
  const p = namedProfile(profile);
  return {
    systemdUnit: p ? `openclaw-gateway-${p}.service` : 'openclaw-gateway.service',
    launchdLabel: p ? `ai.openclaw.${p}` : 'ai.openclaw.gateway',
    taskName: p ? `OpenClaw Gateway (${p})` : 'OpenClaw Gateway',
  };
}

export function kindForPlatform(platform: NodeJS.Platform): ServiceKind {
  if (platform === 'darwin') return 'launchd';
  if (platform === 'win32') return 'schtasks';
  return 'systemd';
}

/** Where definitions live. Every directory is injectable so tests write and scan temp dirs. */
export interface ServiceDirs {
  systemdUser: string;
  /** Other unit directories scanned by --deep (user-wide and system-wide). */
  systemdOther: string[];
  launchAgents: string;
  launchOther: string[];
  /** Windows: the task XML and its gateway.cmd live in the state dir, as upstream keeps gateway.cmd. */
  windowsTasks: string;
}

export function defaultServiceDirs(paths: ResolvedPaths, env: NodeJS.ProcessEnv = process.env): ServiceDirs {
  const home = env.HOME || paths.home.value;
  const xdg = env.XDG_CONFIG_HOME || path.join(home, '.config');
  return {
    systemdUser: path.join(xdg, 'systemd', 'user'),
    systemdOther: ['/etc/systemd/user', '/usr/lib/systemd/user', '/etc/systemd/system', '/usr/lib/systemd/system', '/lib/systemd/system'],
    launchAgents: path.join(home, 'Library', 'LaunchAgents'),
    launchOther: ['/Library/LaunchAgents', '/Library/LaunchDaemons'],
    windowsTasks: paths.stateDir.value,
  };
}

/** The file a kind's definition is written to. */
export function definitionPath(kind: ServiceKind, dirs: ServiceDirs, names: ServiceNames): string {
  if (kind === 'systemd') return path.join(dirs.systemdUser, names.systemdUnit);
  if (kind === 'launchd') return path.join(dirs.launchAgents, `${names.launchdLabel}.plist`);
  return path.join(dirs.windowsTasks, 'gateway-task.xml');
}

/** The CLI entry the service runs: our own bin (package.json `bin`), inside the installed package. */
export function defaultCliEntry(): string {
  return path.join(packageRoot(), 'dist', 'src', 'cli', 'main.cjs');
}

export interface SpecOptions {
  paths: ResolvedPaths;
  port: number;
  nodePath?: string;
  entry?: string;
  kind: ServiceKind;
}

/**
 * The service for this CLI's profile and state. State dir and config path are pinned in the
 * environment only when they are not what the profile implies, so the service resolves the same
 * files the CLI does. The token is never written here: the gateway reads it from the config.
 */
export function gatewayServiceSpec(opts: SpecOptions): ServiceSpec {
  const { paths, port } = opts;
  const nodePath = opts.nodePath ?? process.execPath;
  const profile = namedProfile(paths.profile?.value);
  const names = serviceNames(profile);
  const env: Record<string, string> = {};
  if (paths.home.source === 'env') env.OPENCLAW_HOME = paths.home.value;
  if (profile) env.OPENCLAW_PROFILE = profile;
  if (paths.stateDir.source === 'env') env.OPENCLAW_STATE_DIR = paths.stateDir.value;
  if (paths.configPath.source === 'env') env.OPENCLAW_CONFIG_PATH = paths.configPath.value;
  env.OPENCLAW_GATEWAY_PORT = String(port);
  env.OPENCLAW_SERVICE_MARKER = 'openclaw';
  env.OPENCLAW_SERVICE_KIND = 'gateway';
  // systemd and launchd start services with a minimal PATH; keep node's own directory first.
  // A Windows task inherits the user's PATH, which a `set PATH=` would replace, so it gets none.
  if (opts.kind !== 'schtasks') env.PATH = [...new Set([path.dirname(nodePath), '/usr/local/bin', '/usr/bin', '/bin'])].join(':');
  return {
    name: opts.kind === 'systemd' ? names.systemdUnit : opts.kind === 'launchd' ? names.launchdLabel : names.taskName,
    description: profile ? `OpenClaw Gateway (profile ${profile})` : 'OpenClaw Gateway',
    programArguments: [nodePath, opts.entry ?? defaultCliEntry(), 'gateway', '--port', String(port)],
    env,
    logsDir: path.join(paths.stateDir.value, 'logs'),
    workingDirectory: paths.stateDir.value,
  };
}

/** `--port N` or `--port=N` in a command line. */
export function portFromArgs(args: string[]): number | undefined {
  for (let i = 0; i < args.length; i++) {
    const m = /^--port(?:=(.*))?$/.exec(args[i]);
    if (!m) continue;
    const n = Number(m[1] ?? args[i + 1]);
    if (Number.isInteger(n) && n > 0 && n < 65536) return n;
  }
  return undefined;
}

const ENTRY_NAME = /^(openclaw|clawdbot|moltbot)(\.(c|m)?js|\.cmd|\.exe)?$/i;
const PACKAGE_PATH = /[\\/](openclaw|clawdbot|moltbot)[\\/]/i;
const GLOBAL_FLAGS_WITH_VALUE = new Set(['--profile']);

/**
 * True when a definition runs an OpenClaw-family gateway: it carries our marker, or its command is
 * `<openclaw|clawdbot|moltbot …> gateway …`. A unit that merely shares the name prefix (an exporter,
 * a proxy) is not one: its command line says so.
 */
export function runsGateway(def: Pick<ServiceDefinition, 'programArguments' | 'env'>): boolean {
  if (def.env.OPENCLAW_SERVICE_MARKER === 'openclaw') return def.env.OPENCLAW_SERVICE_KIND !== 'node';
  const args = def.programArguments;
  const entry = args.findIndex((a) => ENTRY_NAME.test(path.basename(a)) || (PACKAGE_PATH.test(a) && /\.(c|m)?js$/.test(a)));
  if (entry < 0) return false;
  for (let i = entry + 1; i < args.length; i++) {
    if (GLOBAL_FLAGS_WITH_VALUE.has(args[i])) i++;
    else if (!args[i].startsWith('-')) return args[i] === 'gateway';
  }
  return false;
}
