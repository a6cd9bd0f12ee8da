// A gateway client: open the socket, answer the challenge with a signed connect (protocol 3–4),
// call RPCs. Every failure becomes a typed ProbeFailure; nothing here throws at its callers.
import crypto from 'node:crypto';
import WebSocket from 'ws';
import { signPayload, signedPayload } from '../protocol/device-auth.js';
import { PROTOCOL_MAX, PROTOCOL_MIN, type ClientId, type ClientMode } from '../protocol/constants.js';
import type { ErrorShape, HelloOk } from '../protocol/frames.js';
import { clearDeviceToken, loadOrCreateIdentity, readDeviceToken, storeDeviceToken, type DeviceIdentity } from './identity.js';
import type { ProbeFailure, ProbeFailureKind } from './types.js';

export const DEFAULT_SCOPES = ['operator.admin', 'operator.read', 'operator.write', 'operator.approvals', 'operator.pairing'];

export interface ConnectOptions {
  url: string;
  token?: string;
  password?: string;
  /** Budget for TCP + handshake. */
  timeoutMs?: number;
  /** Holds identity/device.json; without it the client connects without a device (no scopes). */
  stateDir?: string;
  clientId?: ClientId;
  clientMode?: ClientMode;
  version?: string;
  role?: 'operator' | 'node';
  scopes?: string[];
  /** What a node declares (role "node"): capabilities, commands it accepts, OS permissions. */
  caps?: string[];
  commands?: string[];
  permissions?: Record<string, unknown>;
  displayName?: string;
  /** Protocol range to offer (tests use it to provoke a mismatch). */
  minProtocol?: number;
  maxProtocol?: number;
  /** Skip the one retry with a cached device token. */
  noRetry?: boolean;
  /** false: neither send nor store a cached device token (probes of other gateways must not mix them up). */
  cacheDeviceToken?: boolean;
  /** The Origin header a browser would send (probes the Control UI origin check). */
  origin?: string;
  onEvent?: (event: string, payload: unknown) => void;
}

export type ConnectResult =
  | {
      ok: true;
      client: GatewayClient;
      hello: HelloOk;
      latencyMs: number;
      /** The shared token or password was refused and the cached device token got in instead. */
      sharedAuthRejected?: ProbeFailure;
    }
  | { ok: false; failure: ProbeFailure };

export type CallResult<T = unknown> = { ok: true; payload: T } | { ok: false; failure: ProbeFailure };

function kindFor(errorCode: string | undefined, detailCode: string | undefined, message: string): ProbeFailureKind {
  // A real gateway refuses connects with UNAVAILABLE while its channels and sidecars start.
  if (errorCode === 'UNAVAILABLE') return 'unavailable';
  if (detailCode === 'PAIRING_REQUIRED') return 'pairing';
  if (detailCode === 'CONTROL_UI_ORIGIN_NOT_ALLOWED') return 'origin';
  if (message === 'protocol mismatch') return 'protocol';
  if (detailCode?.startsWith('AUTH_') || detailCode?.startsWith('DEVICE_') || detailCode?.startsWith('CONTROL_UI_') || /unauthorized|device|auth/i.test(message)) return 'auth';
  return 'error';
}

export function failureFromError(error: ErrorShape, kind?: ProbeFailureKind): ProbeFailure {
  const details = error.details ?? {};
  const code = typeof details.code === 'string' ? details.code : undefined;
  const f: ProbeFailure = { kind: kind ?? kindFor(error.code, code, error.message), message: error.message, errorCode: error.code };
  if (code) f.code = code;
  if (typeof details.requestId === 'string') f.requestId = details.requestId;
  if (details.expectedProtocol !== undefined) f.expectedProtocol = details.expectedProtocol as number;
  if (typeof details.recommendedNextStep === 'string') f.recommendedNextStep = details.recommendedNextStep;
  if (typeof details.canRetryWithDeviceToken === 'boolean') f.canRetryWithDeviceToken = details.canRetryWithDeviceToken;
  if (typeof error.retryable === 'boolean') f.retryable = error.retryable;
  if (typeof error.retryAfterMs === 'number') f.retryAfterMs = error.retryAfterMs;
  if (Object.keys(details).length) f.details = details;
  return f;
}

function socketFailure(err: NodeJS.ErrnoException, url: string): ProbeFailure {
  if (err.code === 'ECONNREFUSED') return { kind: 'refused', message: `connection refused: nothing is listening at ${url}`, url };
  if (err.code === 'ETIMEDOUT') return { kind: 'timeout', message: `connect timed out: ${url}` };
  return { kind: 'error', message: `${err.code ? `${err.code}: ` : ''}${err.message}` };
}

export class GatewayClient {
  private pending = new Map<string, { resolve: (r: CallResult) => void; timer: NodeJS.Timeout }>();
  private closedWith?: ProbeFailure;
  private lastFrameAt = Date.now();
  private readonly watchdog: NodeJS.Timeout;
  private onClosed!: (f: ProbeFailure) => void;
  /** Settles once the connection is over, with why (long-lived clients such as a node wait on it). */
  readonly closed = new Promise<ProbeFailure>((r) => (this.onClosed = r));

  constructor(
    private readonly ws: WebSocket,
    readonly hello: HelloOk,
    private readonly onEvent?: (event: string, payload: unknown) => void,
  ) {
    // Silence for more than two tick intervals means the gateway is gone (close 4000, as upstream clients do).
    const tickMs = hello.policy?.tickIntervalMs ?? 30_000;
    this.watchdog = setInterval(() => {
      if (Date.now() - this.lastFrameAt <= 2 * tickMs) return;
      this.settle(4000, 'tick timeout');
      ws.close(4000, 'tick timeout');
      setTimeout(() => ws.terminate(), 1000).unref();
    }, Math.max(50, Math.min(tickMs, 5000)));
    this.watchdog.unref();
    ws.on('message', (data) => {
      this.lastFrameAt = Date.now();
      this.onMessage(data.toString());
    });
    ws.on('close', (code, reason) => this.settle(code, reason.toString()));
  }

  /** The connection is over: every call still waiting fails with the close code. */
  private settle(code: number, reason: string): void {
    clearInterval(this.watchdog);
    this.closedWith ??= { kind: 'closed', message: `connection closed (${code}${reason ? ` ${reason}` : ''})`, closeCode: code, closeReason: reason };
    for (const [, p] of this.pending) {
      clearTimeout(p.timer);
      p.resolve({ ok: false, failure: this.closedWith });
    }
    this.pending.clear();
    this.onClosed(this.closedWith);
  }

  private onMessage(text: string): void {
    let frame: any;
    try {
      frame = JSON.parse(text);
    } catch {
      return;
    }
    if (frame?.type === 'res' && typeof frame.id === 'string') {
      const p = this.pending.get(frame.id);
      if (!p) return;
      this.pending.delete(frame.id);
      clearTimeout(p.timer);
      if (frame.ok) p.resolve({ ok: true, payload: frame.payload });
      else p.resolve({ ok: false, failure: { ...failureFromError(frame.error ?? { code: 'UNAVAILABLE', message: 'request failed' }), kind: 'rpc' } });
    } else if (frame?.type === 'event') this.onEvent?.(frame.event, frame.payload);
  }

  call<T = unknown>(method: string, params?: unknown, timeoutMs = 10_000): Promise<CallResult<T>> {
    if (this.closedWith || this.ws.readyState !== WebSocket.OPEN) return Promise.resolve({ ok: false, failure: this.closedWith ?? { kind: 'closed', message: 'connection is closed' } });
    const id = crypto.randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ ok: false, failure: { kind: 'timeout', message: `${method} timed out after ${timeoutMs}ms` } });
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (r: CallResult) => void, timer });
      this.ws.send(JSON.stringify({ type: 'req', id, method, params }));
    });
  }

  close(): void {
    try {
      this.ws.close(1000, 'bye');
    } catch {
      /* already closed */
    }
    setTimeout(() => this.ws.terminate(), 500).unref();
  }
}

function buildConnect(opts: ConnectOptions, identity: DeviceIdentity | undefined, nonce: string, auth: Record<string, string>) {
  const clientId = opts.clientId ?? 'cli';
  const clientMode = opts.clientMode ?? 'cli';
  const role = opts.role ?? 'operator';
  const scopes = opts.scopes ?? (role === 'operator' ? DEFAULT_SCOPES : []);
  const platform = process.platform;
  const params: Record<string, unknown> = {
    minProtocol: opts.minProtocol ?? PROTOCOL_MIN,
    maxProtocol: opts.maxProtocol ?? PROTOCOL_MAX,
    client: { id: clientId, version: opts.version ?? '0.0.0', platform, mode: clientMode, ...(opts.displayName ? { displayName: opts.displayName } : {}) },
    role,
    scopes,
    caps: opts.caps ?? [],
    ...(opts.commands ? { commands: opts.commands } : {}),
    ...(opts.permissions ? { permissions: opts.permissions } : {}),
    auth,
    locale: 'en-US',
    userAgent: `openclaw-doctor/${opts.version ?? '0'}`,
  };
  if (identity) {
    const signedAt = Date.now();
    const payload = signedPayload(
      {
        deviceId: identity.deviceId,
        clientId,
        clientMode,
        role,
        scopes,
        signedAtMs: signedAt,
        token: auth.token ?? auth.deviceToken ?? auth.bootstrapToken ?? '',
        nonce,
        platform,
      },
      'v3',
    );
    params.device = { id: identity.deviceId, publicKey: identity.publicKey, signature: signPayload(identity.privateKey, payload), signedAt, nonce };
  }
  return params;
}

/** One attempt: open, wait for the challenge, send connect, wait for hello-ok. */
function attempt(opts: ConnectOptions, identity: DeviceIdentity | undefined, auth: Record<string, string>, deadline: number): Promise<ConnectResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    let done = false;
    let ws: WebSocket;
    const finish = (r: ConnectResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (!r.ok) ws?.terminate();
      resolve(r);
    };
    const timer = setTimeout(
      () => finish({ ok: false, failure: { kind: 'timeout', message: `handshake with ${opts.url} did not finish within ${opts.timeoutMs ?? 10_000}ms` } }),
      Math.max(1, deadline - Date.now()),
    );
    try {
      ws = new WebSocket(opts.url, { ...(opts.origin ? { origin: opts.origin } : {}), handshakeTimeout: Math.max(1, deadline - Date.now()), perMessageDeflate: false, maxPayload: 64 * 1024 * 1024 });
    } catch (err) {
      finish({ ok: false, failure: { kind: 'error', message: `invalid gateway URL ${opts.url}: ${(err as Error).message}` } });
      return;
    }
    const connectId = crypto.randomUUID();
    ws.on('error', (err) => finish({ ok: false, failure: socketFailure(err as NodeJS.ErrnoException, opts.url) }));
    ws.on('unexpected-response', (_req, res) => finish({ ok: false, failure: { kind: 'error', message: `unexpected HTTP ${res.statusCode} on WebSocket upgrade` } }));
    // 1013 is "try again later": a real gateway closes with it while it starts.
    ws.on('close', (code, reason) => finish({ ok: false, failure: { kind: code === 1013 ? 'unavailable' : 'closed', message: `connection closed before hello-ok (${code}${reason.length ? ` ${reason}` : ''})`, closeCode: code, closeReason: reason.toString() } }));
    const onMessage = (data: WebSocket.RawData) => {
      let frame: any;
      try {
        frame = JSON.parse(data.toString());
      } catch {
        return;
      }
      if (frame?.type === 'event' && frame.event === 'connect.challenge') {
        const nonce = String(frame.payload?.nonce ?? '');
        ws.send(JSON.stringify({ type: 'req', id: connectId, method: 'connect', params: buildConnect(opts, identity, nonce, auth) }));
      } else if (frame?.type === 'res' && frame.id === connectId) {
        ws.off('message', onMessage);
        if (frame.ok) {
          ws.removeAllListeners('close');
          ws.removeAllListeners('error');
          ws.on('error', () => undefined);
          const hello = frame.payload as HelloOk;
          finish({ ok: true, client: new GatewayClient(ws, hello, opts.onEvent), hello, latencyMs: Date.now() - started });
        } else finish({ ok: false, failure: frame.error ? failureFromError(frame.error) : { kind: 'error', message: 'connect failed (the gateway gave no reason)' } });
      }
    };
    ws.on('message', onMessage);
  });
}

/** Connects; retries once with the cached device token when the gateway says that may work. */
export async function connectGateway(opts: ConnectOptions): Promise<ConnectResult> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  const identity = opts.stateDir ? loadOrCreateIdentity(opts.stateDir) : undefined;
  const role = opts.role ?? 'operator';
  const caching = opts.cacheDeviceToken !== false;
  const cached = identity && opts.stateDir && caching ? readDeviceToken(opts.stateDir, identity.deviceId, role) : undefined;
  const auth: Record<string, string> = {};
  if (opts.token) auth.token = opts.token;
  else if (opts.password) auth.password = opts.password;
  else if (cached) auth.deviceToken = cached;
  let r = await attempt(opts, identity, auth, deadline);
  if (!r.ok && cached && !auth.deviceToken && r.failure.canRetryWithDeviceToken && !opts.noRetry) {
    const rejected = r.failure;
    r = await attempt(opts, identity, { deviceToken: cached }, deadline);
    if (r.ok) r.sharedAuthRejected = rejected;
  }
  if (!r.ok && r.failure.code === 'AUTH_DEVICE_TOKEN_MISMATCH' && opts.stateDir && caching) clearDeviceToken(opts.stateDir, role);
  if (r.ok && identity && opts.stateDir && caching && r.hello.auth?.deviceToken) {
    storeDeviceToken(opts.stateDir, identity.deviceId, { token: r.hello.auth.deviceToken, role: r.hello.auth.role, scopes: r.hello.auth.scopes });
  }
  return r;
}
