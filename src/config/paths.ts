// Where OpenClaw keeps its state, resolved exactly as the real CLI does (reference §1),
// with the source of every value so the doctor can say why it looked where it looked.
import os from 'node:os';
import path from 'node:path';
import type { MessageRef } from '../i18n/index.js';

export type Source = 'flag' | 'env' | 'config' | 'default';

export interface Sourced<T> {
  value: T;
  source: Source;
  /** The flag or variable name when source is flag/env, the config key when source is config. */
  from?: string;
}

export interface PathOptions {
  profile?: string;
  dev?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Only for tests: the home directory when neither OPENCLAW_HOME nor HOME says. */
  homedir?: string;
}

export interface ResolvedPaths {
  home: Sourced<string>;
  stateDir: Sourced<string>;
  configPath: Sourced<string>;
  /** The profile name in effect: `--profile`, `dev` for `--dev`, OPENCLAW_PROFILE, or undefined. */
  profile?: Sourced<string>;
  /** The port a profile implies before config/env are consulted (19001 for --dev). */
  defaultPort: number;
}

export const DEFAULT_PORT = 18789;
export const DEV_PORT = 19001;
export const CONFIG_FILE_NAME = 'openclaw.json';

const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export class ProfileNameError extends Error {
  constructor(readonly profile: string) {
    super(`invalid profile name "${profile}": use letters, digits, "-" and "_" (at most 64)`);
  }
}

function expandHome(p: string, home: string): string {
  if (p === '~') return home;
  if (p.startsWith('~/')) return path.join(home, p.slice(2));
  return p;
}

export function resolvePaths(opts: PathOptions = {}): ResolvedPaths {
  const env = opts.env ?? process.env;
  const home: Sourced<string> = env.OPENCLAW_HOME
    ? { value: path.resolve(expandHome(env.OPENCLAW_HOME, os.homedir())), source: 'env', from: 'OPENCLAW_HOME' }
    : { value: opts.homedir ?? env.HOME ?? os.homedir(), source: 'default' };

  let profile: Sourced<string> | undefined;
  if (opts.profile) profile = { value: opts.profile, source: 'flag', from: '--profile' };
  else if (opts.dev) profile = { value: 'dev', source: 'flag', from: '--dev' };
  else if (env.OPENCLAW_PROFILE) profile = { value: env.OPENCLAW_PROFILE, source: 'env', from: 'OPENCLAW_PROFILE' };
  if (profile && !PROFILE_NAME.test(profile.value)) throw new ProfileNameError(profile.value);

  let stateDir: Sourced<string>;
  if (env.OPENCLAW_STATE_DIR) {
    stateDir = {
      value: path.resolve(expandHome(env.OPENCLAW_STATE_DIR, home.value)),
      source: 'env',
      from: 'OPENCLAW_STATE_DIR',
    };
  } else if (profile && profile.value !== 'default') {
    stateDir = { value: path.join(home.value, `.openclaw-${profile.value}`), source: profile.source, from: profile.from };
  } else {
    stateDir = { value: path.join(home.value, '.openclaw'), source: 'default' };
  }

  const configPath: Sourced<string> = env.OPENCLAW_CONFIG_PATH
    ? {
        value: path.resolve(expandHome(env.OPENCLAW_CONFIG_PATH, home.value)),
        source: 'env',
        from: 'OPENCLAW_CONFIG_PATH',
      }
    : { value: path.join(stateDir.value, CONFIG_FILE_NAME), source: stateDir.source, from: stateDir.from };

  const defaultPort = profile?.value === 'dev' ? DEV_PORT : DEFAULT_PORT;
  return { home, stateDir, configPath, profile, defaultPort };
}

/** Files and folders under the state dir (reference §1). */
export function stateLayout(stateDir: string) {
  return {
    identityDir: path.join(stateDir, 'identity'),
    deviceIdentity: path.join(stateDir, 'identity', 'device.json'),
    deviceAuth: path.join(stateDir, 'identity', 'device-auth.json'),
    devicesPending: path.join(stateDir, 'devices', 'pending.json'),
    devicesPaired: path.join(stateDir, 'devices', 'paired.json'),
    nodesDir: path.join(stateDir, 'nodes'),
    cronJobs: path.join(stateDir, 'cron', 'jobs.json'),
    execApprovals: path.join(stateDir, 'exec-approvals.json'),
    logsDir: path.join(stateDir, 'logs'),
    configAudit: path.join(stateDir, 'logs', 'config-audit.jsonl'),
    doctorJournal: path.join(stateDir, 'logs', 'doctor-journal.jsonl'),
    gatewayLog: path.join(stateDir, 'logs', 'gateway.log'),
    gatewayErrLog: path.join(stateDir, 'logs', 'gateway.err.log'),
    workspace: path.join(stateDir, 'workspace'),
    heartbeatFile: path.join(stateDir, 'workspace', 'HEARTBEAT.md'),
  };
}

/** Where a setting came from, as a catalog message for the reader's language (describeSource in English). */
export function sourceRef(s: Sourced<unknown>): MessageRef {
  return { id: 'config.source', params: { kind: s.source, from: s.from ?? null } };
}

/** Where a setting came from, in English: `flag --port`, `env OPENCLAW_GATEWAY_PORT`, `config gateway.port`, `default`. */
export function describeSource(s: Sourced<unknown>): string {
  switch (s.source) {
    case 'flag':
      return `flag ${s.from}`;
    case 'env':
      return `env ${s.from}`;
    case 'config':
      return `config ${s.from}`;
    default:
      return 'default';
  }
}
