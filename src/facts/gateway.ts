// Where and how to probe this config's gateway: the URL from the resolved port and bind, and the
// credentials a CLI client would use (env first, then config, as upstream's clients do).
import type { ProbeOptions } from '../client/types.js';
import type { ConfigFact } from './config.js';

export function gatewayTarget(config: ConfigFact): { host: string; port: number } {
  const port = typeof config.effective.port?.value === 'number' ? (config.effective.port.value as number) : config.defaultPort;
  const gw = (config.resolved?.gateway ?? {}) as Record<string, any>;
  const host = config.effective.bind?.value === 'custom' && typeof gw.customBindHost === 'string' ? gw.customBindHost : '127.0.0.1';
  return { host, port };
}

export function probeOptions(config: ConfigFact, env: NodeJS.ProcessEnv, stateDir: string, timeoutMs: number, deep?: boolean): ProbeOptions {
  const { host, port } = gatewayTarget(config);
  const auth = ((config.resolved?.gateway as any)?.auth ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  return {
    url: `ws://${host.includes(':') ? `[${host}]` : host}:${port}`,
    token: str(env.OPENCLAW_GATEWAY_TOKEN) ?? str(auth.token),
    password: str(env.OPENCLAW_GATEWAY_PASSWORD) ?? str(auth.password),
    timeoutMs,
    stateDir,
    deep,
  };
}
