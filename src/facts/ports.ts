// Who listens on the gateway port. A TCP connect answers "nobody" in milliseconds; only when
// something listens is `ss`/`lsof`/`netstat` asked for the pid and command line. A holder is an
// OpenClaw gateway only on positive evidence: its command line is a gateway's and it answers the
// gateway handshake. Its environment (Linux) then tells which config it serves, never whether it is one.
import fs from 'node:fs';
import { resolvePaths } from '../config/paths.js';
import { redactEnvironment } from '../config/redact.js';
import type { PortHolder } from '../system/port-holders.js';
import { tcpConnect } from './tcp-probe.js';

export interface PortHolderInfo extends PortHolder {
  /** OPENCLAW_STATE_DIR / OPENCLAW_CONFIG_PATH / OPENCLAW_PROFILE / HOME … from the holder's environment. */
  env?: Record<string, string>;
  /** It sent the gateway's `connect.challenge` on a WebSocket upgrade (asked only of gateway command lines). */
  answersHandshake?: boolean;
  /**
   * The config file an identified gateway would read, resolved from its environment by the CLI's own
   * rules. A real gateway writes no lock file this doctor can read; this is how it is recognised as
   * this config's.
   */
  configPath?: string;
}

export interface PortsFact {
  port: number;
  host: string;
  listening: boolean;
  /** Undefined when no tool could tell, or the lookup was not needed (see lookup). */
  holders?: PortHolderInfo[];
  lookup: 'ss-or-lsof' | 'not-needed' | 'unavailable';
}

const ENV_KEYS = ['OPENCLAW_STATE_DIR', 'OPENCLAW_CONFIG_PATH', 'OPENCLAW_PROFILE', 'OPENCLAW_SERVICE_KIND', 'OPENCLAW_HOME', 'HOME'];

/** Where an OpenClaw gateway's config is, as its environment tells (undefined for anything else). */
export function holderConfigPath(h: { command?: string; gatewayCommand?: boolean; env?: Record<string, string> }): string | undefined {
  const env = h.env;
  if (!env || !h.gatewayCommand) return undefined;
  if (!env.HOME && !env.OPENCLAW_HOME && !env.OPENCLAW_STATE_DIR && !env.OPENCLAW_CONFIG_PATH) return undefined;
  const argv = (h.command ?? '').split(/\s+/);
  const profileAt = argv.indexOf('--profile');
  try {
    return resolvePaths({ env, homedir: env.HOME ?? '/', profile: profileAt > 0 ? argv[profileAt + 1] : undefined, dev: argv.includes('--dev') }).configPath.value;
  } catch {
    return undefined; // a profile name the CLI would refuse
  }
}

function openclawEnv(pid: number | undefined): Record<string, string> | undefined {
  if (!pid) return undefined;
  try {
    const out: Record<string, string> = {};
    for (const kv of fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')) {
      const eq = kv.indexOf('=');
      const k = kv.slice(0, eq);
      if (ENV_KEYS.includes(k)) out[k] = kv.slice(eq + 1);
    }
    return redactEnvironment(out); // the keys read are not secrets; shown anyway, so redacted anyway
  } catch {
    return undefined;
  }
}

/**
 * A holder with its proof: for a gateway command line, whether it answers the handshake where it
 * listens, and then which config its environment leads to. Anything else gets neither.
 */
export async function describeHolder(h: PortHolder): Promise<PortHolderInfo> {
  if (!h.gatewayCommand) return h;
  const { isIdentifiedGateway } = await import('../system/port-holders.js');
  const info: PortHolderInfo = { ...h, answersHandshake: await isIdentifiedGateway(h), env: openclawEnv(h.pid) };
  const configPath = holderConfigPath(info);
  return configPath ? { ...info, configPath } : info;
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
  return { port, host, listening: true, holders: await Promise.all(holders.map(describeHolder)), lookup: 'ss-or-lsof' };
}
