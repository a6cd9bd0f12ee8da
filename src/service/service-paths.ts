// Which state dir, config and port a service would use: the CLI's own resolution rules
// (config/paths.ts) applied to the service's environment, command line and HOME. Pure.
import { resolvePaths, type ResolvedPaths } from '../config/paths.js';
import type { ServiceDefinition } from './definition.js';

/** `--profile NAME` / `--dev` on the service's command line (before the `gateway` word). */
export function profileFromArgs(args: string[]): { profile?: string; dev?: boolean } {
  const gw = args.indexOf('gateway');
  const head = gw < 0 ? args : args.slice(0, gw);
  const i = head.findIndex((a) => a === '--profile' || a.startsWith('--profile='));
  if (i >= 0) return { profile: head[i].includes('=') ? head[i].slice('--profile='.length) : head[i + 1] };
  return head.includes('--dev') ? { dev: true } : {};
}

/** The paths the service resolves: its own environment plus the user's HOME, nothing from this shell. */
export function servicePaths(def: Pick<ServiceDefinition, 'env' | 'programArguments'>, home: string): ResolvedPaths {
  const env: NodeJS.ProcessEnv = { HOME: home };
  for (const key of ['OPENCLAW_HOME', 'OPENCLAW_STATE_DIR', 'OPENCLAW_CONFIG_PATH', 'OPENCLAW_PROFILE'] as const) {
    if (def.env[key]) env[key] = def.env[key];
  }
  return resolvePaths({ ...profileFromArgs(def.programArguments), env, homedir: home });
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./~-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The exact command that (re)installs the service for the CLI's view: the variables and profile
 * flag that make this shell resolve its config, then `gateway install [--force]`.
 */
export function installCommand(cli: ResolvedPaths, opts: { force?: boolean } = {}): string {
  const parts: string[] = [];
  if (cli.home.source === 'env') parts.push(`OPENCLAW_HOME=${shellQuote(cli.home.value)}`);
  if (cli.stateDir.source === 'env') parts.push(`OPENCLAW_STATE_DIR=${shellQuote(cli.stateDir.value)}`);
  if (cli.configPath.source === 'env') parts.push(`OPENCLAW_CONFIG_PATH=${shellQuote(cli.configPath.value)}`);
  parts.push('openclaw');
  const profile = cli.profile?.value;
  if (profile && profile !== 'default') parts.push(profile === 'dev' && cli.profile?.from === '--dev' ? '--dev' : `--profile ${shellQuote(profile)}`);
  parts.push('gateway', 'install');
  if (opts.force) parts.push('--force');
  return parts.join(' ');
}

export function reinstallCommand(cli: ResolvedPaths): string {
  return installCommand(cli, { force: true });
}

/** Why the service's config path differs from the CLI's, most specific reason first. */
export function configDriftCauses(cli: ResolvedPaths, service: ResolvedPaths): string[] {
  const causes: string[] = [];
  const describe = (p: ResolvedPaths['configPath'], who: string) =>
    p.source === 'env' ? `${who} sets ${p.from}=${p.value}` : p.source === 'flag' ? `${who} uses ${p.from} (${p.value})` : `${who} uses the default (${p.value})`;
  if (cli.configPath.source === 'env' || service.configPath.source === 'env') {
    if (cli.configPath.from !== service.configPath.from || cli.configPath.value !== service.configPath.value) {
      if (service.configPath.source === 'env' && service.configPath.from === 'OPENCLAW_CONFIG_PATH') causes.push(`the service pins OPENCLAW_CONFIG_PATH=${service.configPath.value}`);
      if (cli.configPath.source === 'env' && cli.configPath.from === 'OPENCLAW_CONFIG_PATH') causes.push(`this shell sets OPENCLAW_CONFIG_PATH=${cli.configPath.value} but the service does not`);
    }
  }
  if (cli.stateDir.value !== service.stateDir.value) {
    causes.push(`state dir differs: ${describe(cli.stateDir, 'the CLI')}; ${describe(service.stateDir, 'the service')}`);
  }
  const cp = cli.profile?.value ?? 'default';
  const sp = service.profile?.value ?? 'default';
  if (cp !== sp) causes.push(`profile differs: CLI "${cp}", service "${sp}"`);
  if (cli.home.value !== service.home.value) causes.push(`home differs: CLI ${cli.home.value}, service ${service.home.value}`);
  if (causes.length === 0) causes.push('the service resolves its config differently from this shell');
  return causes;
}
