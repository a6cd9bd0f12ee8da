// Who listens on the gateway port. A TCP connect answers "nobody" in milliseconds; only when
// something listens is `ss`/`lsof` asked for the pid and command line (and, on Linux, which state
// dir an OpenClaw process serves, from its environment).
import fs from 'node:fs';
import type { PortHolder } from '../system/port-holders.js';
import { tcpConnect } from './tcp-probe.js';

export interface PortHolderInfo extends PortHolder {
  /** OPENCLAW_STATE_DIR / OPENCLAW_CONFIG_PATH / OPENCLAW_PROFILE from the holder's environment. */
  env?: Record<string, string>;
}

export interface PortsFact {
  port: number;
  host: string;
  listening: boolean;
  /** Undefined when no tool could tell, or the lookup was not needed (see lookup). */
  holders?: PortHolderInfo[];
  lookup: 'ss-or-lsof' | 'not-needed' | 'unavailable';
}

const ENV_KEYS = ['OPENCLAW_STATE_DIR', 'OPENCLAW_CONFIG_PATH', 'OPENCLAW_PROFILE', 'OPENCLAW_SERVICE_KIND'];

function openclawEnv(pid: number | undefined): Record<string, string> | undefined {
  if (!pid) return undefined;
  try {
    const out: Record<string, string> = {};
    for (const kv of fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')) {
      const eq = kv.indexOf('=');
      const k = kv.slice(0, eq);
      if (ENV_KEYS.includes(k)) out[k] = kv.slice(eq + 1);
    }
    return out;
  } catch {
    return undefined;
  }
}

export async function collectPorts(port: number, host: string, opts: { timeoutMs: number; gatewayAnswered: () => Promise<boolean>; deep?: boolean }): Promise<PortsFact> {
  const probeHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const conn = await tcpConnect(probeHost, port, Math.min(opts.timeoutMs, 1000));
  if (!conn.open) return { port, host, listening: false, holders: [], lookup: 'not-needed' };
  if (!opts.deep && (await opts.gatewayAnswered())) return { port, host, listening: true, lookup: 'not-needed' };
  // execa is heavy to load: only pay for it when something listens and it is not a healthy gateway.
  const { findPortHolders } = await import('../system/port-holders.js');
  const holders = await findPortHolders(port);
  if (!holders) return { port, host, listening: true, lookup: 'unavailable' };
  return { port, host, listening: true, holders: holders.map((h) => ({ ...h, env: openclawEnv(h.pid) })), lookup: 'ss-or-lsof' };
}
