// The gateway settings every part of the toolkit needs (port, bind, auth), resolved in upstream's
// order with the source of each value (reference §2).
import { DEFAULT_PORT, type Sourced } from './paths.js';
import { AUTH_MODES, BIND_MODES, LEGACY_BIND_ALIASES } from './schema.js';
import { SettingError } from './setting-error.js';
import { inContainer } from '../system/container.js';

export type BindMode = (typeof BIND_MODES)[number];
export type AuthMode = (typeof AUTH_MODES)[number];

export interface GatewayFlags {
  port?: number | string;
  bind?: string;
  auth?: string;
  token?: string;
  password?: string;
}

type Cfg = Record<string, any>;

function gw(config: Cfg | undefined): Cfg {
  return (config?.gateway as Cfg) ?? {};
}

// Re-exported: the class lives in a module without zod so the CLI can test for it cheaply.
export { SettingError };

function parsePort(text: string, what: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new SettingError(`${what} is not a valid port: ${JSON.stringify(text)}`);
  return n;
}

/** `--port` > OPENCLAW_GATEWAY_PORT (a number or `host:port`) > gateway.port > profile default. */
export function resolvePort(config: Cfg | undefined, flags: GatewayFlags = {}, env: NodeJS.ProcessEnv = process.env, defaultPort = DEFAULT_PORT): Sourced<number> {
  if (flags.port !== undefined && flags.port !== '') return { value: parsePort(String(flags.port), '--port'), source: 'flag', from: '--port' };
  const fromEnv = env.OPENCLAW_GATEWAY_PORT?.trim();
  if (fromEnv) {
    const m = /:(\d+)$/.exec(fromEnv);
    return { value: parsePort(m ? m[1] : fromEnv, 'OPENCLAW_GATEWAY_PORT'), source: 'env', from: 'OPENCLAW_GATEWAY_PORT' };
  }
  const p = gw(config).port;
  if (typeof p === 'number') return { value: p, source: 'config', from: 'gateway.port' };
  return { value: defaultPort, source: 'default' };
}

/** Maps legacy host values (`0.0.0.0`, `127.0.0.1`, …) to their bind mode. */
export function normalizeBind(value: string): BindMode | undefined {
  if ((BIND_MODES as readonly string[]).includes(value)) return value as BindMode;
  return LEGACY_BIND_ALIASES[value];
}

/**
 * Upstream's bind when gateway.bind is unset: "auto" in a container (which means 0.0.0.0 there),
 * loopback elsewhere and whenever Tailscale serve/funnel needs a loopback bind.
 */
export function defaultBindMode(config: Cfg | undefined, env: NodeJS.ProcessEnv = process.env): BindMode {
  const tailscale = gw(config).tailscale?.mode;
  if (tailscale && tailscale !== 'off') return 'loopback';
  return inContainer(env) ? 'auto' : 'loopback';
}

/** `defaultMode` is what an unset bind means; our own gateway keeps loopback, the doctor asks defaultBindMode. */
export function resolveBind(config: Cfg | undefined, flags: GatewayFlags = {}, defaultMode: BindMode = 'loopback'): Sourced<BindMode> & { raw: string } {
  const raw = flags.bind ?? gw(config).bind;
  const source = flags.bind ? 'flag' : raw ? 'config' : 'default';
  const from = flags.bind ? '--bind' : raw ? 'gateway.bind' : undefined;
  if (!raw) return { value: defaultMode, source: 'default', raw: defaultMode };
  const mode = normalizeBind(String(raw));
  if (!mode) throw new SettingError(`${from} must be one of ${BIND_MODES.join(', ')}; got ${JSON.stringify(raw)}`);
  return { value: mode, source, from, raw: String(raw) };
}

/** The host address a bind mode listens on. Tailnet needs an interface lookup, so it takes one. */
export function bindHost(mode: BindMode, config: Cfg | undefined, opts: { env?: NodeJS.ProcessEnv; tailnetAddress?: () => string | undefined } = {}): string {
  switch (mode) {
    case 'loopback':
      return '127.0.0.1';
    case 'lan':
      return '0.0.0.0';
    case 'custom': {
      const host = gw(config).customBindHost;
      if (!host) throw new SettingError('gateway.bind is "custom" but gateway.customBindHost is not set');
      return host;
    }
    case 'tailnet': {
      const addr = opts.tailnetAddress?.();
      if (!addr) throw new SettingError('gateway.bind is "tailnet" but this machine has no Tailscale (100.64.0.0/10) address');
      return addr;
    }
    case 'auto':
      return inContainer(opts.env ?? process.env) ? '0.0.0.0' : '127.0.0.1';
  }
}

export { isLoopbackHost } from '../system/loopback.js';

export interface ResolvedAuth {
  mode: Sourced<AuthMode>;
  token?: Sourced<string>;
  password?: Sourced<string>;
}

/**
 * The server's view of auth: mode from flag/config, else password when one is present, else token.
 * Secrets: flag, then config, then env (the server prefers config; CLI clients prefer env).
 */
export function resolveServerAuth(config: Cfg | undefined, flags: GatewayFlags = {}, env: NodeJS.ProcessEnv = process.env): ResolvedAuth {
  const auth: Cfg = gw(config).auth ?? {};
  const pick = (flag: string | undefined, flagName: string, cfg: unknown, cfgName: string, envName: string): Sourced<string> | undefined => {
    if (flag) return { value: flag, source: 'flag', from: flagName };
    if (typeof cfg === 'string' && cfg) return { value: cfg, source: 'config', from: cfgName };
    if (env[envName]) return { value: env[envName] as string, source: 'env', from: envName };
    return undefined;
  };
  const token = pick(flags.token, '--token', auth.token, 'gateway.auth.token', 'OPENCLAW_GATEWAY_TOKEN');
  const password = pick(flags.password, '--password', auth.password, 'gateway.auth.password', 'OPENCLAW_GATEWAY_PASSWORD');
  let mode: Sourced<AuthMode>;
  if (flags.auth) {
    if (!(AUTH_MODES as readonly string[]).includes(flags.auth)) throw new SettingError(`--auth must be one of ${AUTH_MODES.join(', ')}; got ${JSON.stringify(flags.auth)}`);
    mode = { value: flags.auth as AuthMode, source: 'flag', from: '--auth' };
  } else if (auth.mode) mode = { value: auth.mode as AuthMode, source: 'config', from: 'gateway.auth.mode' };
  else if (password) mode = { value: 'password', source: 'default' };
  else mode = { value: 'token', source: 'default' };
  return { mode, token, password };
}
