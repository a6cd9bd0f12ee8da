// What a client on another machine sees of a gateway: the fact behind `doctor --remote` and
// `doctor --targets`. Two handshakes run side by side: the operator's (shared secret, this machine's
// device when it has one) and a browser's (an Origin header, no secret) for the Control UI check.
// A secret is never sent over ws:// to a host that is not loopback: it would travel in clear.
import { isLoopbackHost } from '../config/gateway-settings.js';
import { connectGateway, type ConnectOptions, type ConnectResult } from './connection.js';
import type { ProbeFailure, ProbeResult } from './types.js';

export interface RemoteTarget {
  url: string;
  token?: string;
  password?: string;
}

export interface RemoteProbe {
  url: string;
  scheme: 'ws' | 'wss';
  host: string;
  loopback: boolean;
  /** Which secret the caller had for this gateway. */
  credential: 'token' | 'password' | 'none';
  /** The secret was kept back: ws:// to a host that is not loopback. */
  withheld: boolean;
  /** Why the URL cannot be probed at all (not ws/wss, credentials inside it, unparseable). */
  invalid?: string;
  connect: ProbeResult['connect'];
  health?: unknown;
  /** The gateway wants this machine's device approved (the probe then went on without it). */
  pairing?: ProbeFailure;
  /** The Control UI origin check: allowed is undefined when the browser handshake told nothing. */
  origin?: { origin: string; allowed?: boolean; failure?: ProbeFailure };
  durationMs: number;
}

export interface RemoteProbeOptions {
  timeoutMs: number;
  /** Holds this machine's device identity; without one the probe connects with the secret only. */
  stateDir?: string;
  version?: string;
}

/** The URL as reports show it: user and password inside it (refused anyway) replaced by ***. */
export function displayUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (!url.username && !url.password) return raw;
    url.username = '***';
    url.password = '';
    return url.toString();
  } catch {
    return raw.replace(/\/\/[^/@]*@/, '//***@');
  }
}

function parse(raw: string): { url?: URL; invalid?: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { invalid: 'not a URL (expected ws://host:port or wss://host)' };
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return { invalid: `the scheme ${url.protocol} is not ws: or wss:` };
  if (url.username || url.password) return { invalid: 'credentials inside the URL are not accepted; give the token by file or environment variable' };
  return { url };
}

export async function probeRemote(target: RemoteTarget, opts: RemoteProbeOptions): Promise<RemoteProbe> {
  const started = Date.now();
  const credential = target.token ? 'token' : target.password ? 'password' : 'none';
  const { url, invalid } = parse(target.url);
  if (!url) {
    const failure: ProbeFailure = { kind: 'error', message: `invalid gateway URL: ${invalid}` };
    return { url: displayUrl(target.url), scheme: 'ws', host: '', loopback: false, credential, withheld: false, invalid, connect: { ok: false, rpcOk: false, error: failure }, durationMs: 0 };
  }
  const scheme = url.protocol === 'wss:' ? 'wss' : 'ws';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopback = isLoopbackHost(host);
  const withheld = scheme === 'ws' && !loopback && credential !== 'none';
  const shown = url.toString().replace(/\/$/, '');
  const base: ConnectOptions = { url: shown, clientId: 'cli', clientMode: 'probe', version: opts.version, noRetry: true, cacheDeviceToken: false };
  const secret = withheld ? {} : { token: target.token, password: target.token ? undefined : target.password };
  const deadline = started + opts.timeoutMs;
  const left = () => Math.max(1, deadline - Date.now());

  const operator = async () => {
    let r: ConnectResult | undefined;
    let pairing: ProbeFailure | undefined;
    if (opts.stateDir) {
      try {
        r = await connectGateway({ ...base, ...secret, stateDir: opts.stateDir, timeoutMs: left() });
      } catch {
        r = undefined; // no usable device identity here: the secret alone still tells reachability and auth
      }
      if (r && !r.ok && r.failure.kind === 'pairing') pairing = r.failure;
    }
    if (!r || pairing) r = await connectGateway({ ...base, ...secret, timeoutMs: left() });
    return { r, pairing };
  };
  const browserOrigin = `${scheme === 'wss' ? 'https' : 'http'}://${url.host}`;
  const browser = () => connectGateway({ ...base, clientId: 'openclaw-control-ui', clientMode: 'webchat', origin: browserOrigin, timeoutMs: left() });

  const [{ r, pairing }, ui] = await Promise.all([operator(), browser()]);
  if (ui.ok) ui.client.close();
  const probe: RemoteProbe = { url: shown, scheme, host, loopback, credential, withheld, connect: { ok: false, rpcOk: false }, durationMs: 0 };
  if (pairing) probe.pairing = pairing;
  probe.origin = { origin: browserOrigin, allowed: originAllowed(ui) };
  if (!ui.ok && probe.origin.allowed === false) probe.origin.failure = ui.failure;
  if (!r.ok) {
    probe.connect.error = r.failure;
    if (r.failure.details) probe.connect.details = r.failure.details;
  } else {
    Object.assign(probe.connect, { ok: true, latencyMs: r.latencyMs, protocol: r.hello.protocol, serverVersion: r.hello.server?.version, authMode: r.hello.snapshot?.authMode });
    try {
      const health = await r.client.call('health', {}, left());
      if (health.ok) {
        probe.health = health.payload;
        probe.connect.rpcOk = true;
      } else probe.connect.error = health.failure;
    } finally {
      r.client.close();
    }
  }
  probe.durationMs = Date.now() - started;
  return probe;
}

/** The origin check runs before any other, so any other answer from the gateway means it passed. */
function originAllowed(ui: ConnectResult): boolean | undefined {
  if (ui.ok) return true;
  const f = ui.failure;
  if (f.kind === 'origin' || f.code === 'CONTROL_UI_ORIGIN_NOT_ALLOWED') return false;
  if (f.kind === 'protocol' || f.kind === 'unavailable') return undefined; // refused before the origin was looked at
  return f.errorCode || f.code ? true : undefined;
}
