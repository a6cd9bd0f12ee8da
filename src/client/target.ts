// Which gateway a CLI command talks to and with what secret: flags, then env, then the config
// (CLI clients prefer env over config, reference §2).
import { resolvePort } from '../config/gateway-settings.js';
import { readConfigFile } from '../config/load.js';
import type { ResolvedPaths, Sourced } from '../config/paths.js';

export interface TargetFlags {
  url?: string;
  token?: string;
  password?: string;
}

export interface Target {
  url: string;
  urlSource: string;
  token?: string;
  password?: string;
  port?: Sourced<number>;
  config?: Record<string, any>;
}

function loadConfigQuietly(file: string): Record<string, any> | undefined {
  try {
    const r = readConfigFile(file);
    return r.exists ? r.resolved : undefined;
  } catch {
    return undefined; // a broken config must not stop a probe of the running gateway
  }
}

export function resolveTarget(paths: ResolvedPaths, flags: TargetFlags, env: NodeJS.ProcessEnv = process.env): Target {
  const config = loadConfigQuietly(paths.configPath.value);
  const gw = config?.gateway ?? {};
  const remote = gw.mode === 'remote' ? (gw.remote ?? {}) : {};
  const pick = (flag: string | undefined, envName: string, ...cfg: unknown[]) =>
    flag || env[envName] || (cfg.find((v) => typeof v === 'string' && v) as string | undefined);
  const token = pick(flags.token, 'OPENCLAW_GATEWAY_TOKEN', remote.token, gw.auth?.token);
  const password = flags.token ? undefined : pick(flags.password, 'OPENCLAW_GATEWAY_PASSWORD', remote.password, gw.auth?.password);
  if (flags.url) return { url: flags.url, urlSource: 'flag --url', token, password, config };
  if (typeof remote.url === 'string' && remote.url) return { url: remote.url, urlSource: 'config gateway.remote.url', token, password, config };
  const port = resolvePort(config, {}, env, paths.defaultPort);
  return { url: `ws://127.0.0.1:${port.value}`, urlSource: 'local gateway', token, password, port, config };
}
