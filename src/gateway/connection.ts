// One WebSocket from open to close: challenge, the first-frame rules, the pre-auth size limit, the
// handshake timeout, then RPC dispatch with scope checks.
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { CLOSE } from '../protocol/errors.js';
import { POLICY, PREAUTH_MAX_BYTES, PROTOCOL_MAX, PROTOCOL_MIN, connectParams, describeIssues, requestFrame, type ErrorShape, type HelloOk } from '../protocol/frames.js';
import { guardEntry } from './entry-guard.js';
import { decideConnect } from './handshake.js';
import { remoteIpOf } from './http.js';
import { healthSnapshot } from './methods/health.js';
import { EVENTS, METHODS, METHOD_TABLE } from './methods/index.js';
import { RpcError } from '../protocol/rpc.js';
import { scopeSatisfied } from './device-pairing-store.js';
import { presenceOf, type LiveConnection, type Runtime } from './runtime.js';
import { capPeer, quotePeer } from '../system/untrusted-text.js';
import { onFrameTooLarge, setPayloadLimit } from './ws-receiver.js';

const FIRST_FRAME_ERROR = 'invalid handshake: first request must be connect';
/** Denied calls tolerated per minute before the socket is closed (upstream: repeated unauthorized calls). */
const MAX_DENIED_PER_MINUTE = 30;
/** How long a socket refused for an oversized pre-auth frame may linger before it is destroyed. */
const PREAUTH_LINGER_MS = 100;
/** Presence entries in a hello-ok snapshot; system-presence returns all of them. */
const SNAPSHOT_PRESENCE_MAX = 100;

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}


/** A peer-supplied value for a log line: quoted and escaped, or `n/a` when it was not sent. */
const orNa = (value: string | undefined) => (value === undefined ? 'n/a' : quotePeer(value));

/** The `cause` upstream logs for a connect refused for this reason. */
function causeOf(logReason: string): string {
  if (logReason === 'protocol_mismatch') return 'protocol-mismatch';
  if (logReason === 'invalid_role') return 'invalid-role';
  if (logReason === 'origin_not_allowed') return 'origin-mismatch';
  if (logReason === 'pairing_required') return 'pairing-required';
  if (logReason === 'device_identity_required') return 'device-required';
  if (logReason === 'control_ui_device_identity_required') return 'control-ui-insecure-auth';
  if (logReason.startsWith('device_') && logReason !== 'device_token_mismatch') return 'device-auth-invalid';
  return 'unauthorized';
}

/** WebSocket close reasons are limited to 123 bytes. */
function closeReason(text: string): string {
  let out = text;
  while (Buffer.byteLength(out) > 123) out = out.slice(0, -1);
  return out;
}

export function handleConnection(rt: Runtime, ws: WebSocket, req: IncomingMessage): void {
  const connId = crypto.randomUUID();
  const nonce = crypto.randomUUID();
  const remoteIp = remoteIpOf(req);
  // What the peer sent (headers, connect params) is logged only through quotePeer: capped, escaped, quoted.
  const peer = `${remoteIp}:${req.socket.remotePort}->${req.socket.localAddress?.replace(/^::ffff:/, '')}:${req.socket.localPort}`;
  let lastFrame: { type?: string; method?: string; id?: string } = {};
  const origin = header(req, 'origin');
  const host = header(req, 'host');
  const ua = header(req, 'user-agent');
  const openedAt = Date.now();
  let live: LiveConnection | undefined;
  let closed = false;
  let denied: number[] = [];

  const send = (frame: unknown) => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > POLICY.maxBufferedBytes) {
      close(CLOSE.POLICY, 'slow consumer');
      return;
    }
    ws.send(JSON.stringify(frame));
  };
  const close = (code: number, reason: string) => {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    try {
      ws.close(code, reason);
    } catch {
      ws.terminate();
    }
    // A peer that never answers the close handshake must not hold the socket.
    setTimeout(() => ws.terminate(), 2000).unref();
  };
  const closeBeforeConnect = (code: number, reason: string, cause?: string, extra: Record<string, unknown> = {}) => {
    const fields: Record<string, unknown> = {
      ...(cause ? { cause } : {}),
      handshake: cause ? 'failed' : 'pending',
      durationMs: Date.now() - openedAt,
      ...(lastFrame.type ? { lastFrameType: lastFrame.type, lastFrameMethod: lastFrame.method, lastFrameId: lastFrame.id } : {}),
      host: host === undefined ? 'n/a' : capPeer(host),
      ...(origin ? { origin: capPeer(origin) } : {}),
      remoteAddr: remoteIp,
      remotePort: req.socket.remotePort,
      endpoint: peer,
      ...extra,
    };
    rt.wsLog.warn(
      `closed before connect conn=${connId} peer=${peer} remote=${remoteIp} fwd=${orNa(header(req, 'x-forwarded-for'))} origin=${orNa(origin)} host=${orNa(host)} ua=${orNa(ua)} code=${code} reason=${reason || 'n/a'}`,
      fields,
    );
    close(code, closeReason(reason));
  };
  const reply = (id: string, ok: boolean, body: { payload?: unknown; error?: ErrorShape }) => send({ type: 'res', id, ok, ...body });

  const timer = setTimeout(() => {
    if (live) return;
    rt.metrics?.handshake('timeout', 'none');
    closeBeforeConnect(CLOSE.NORMAL, 'handshake timeout');
  }, rt.settings.handshakeTimeoutMs);
  timer.unref();

  rt.wsLog.debug(`← open remoteAddr=${remoteIp} conn=${connId}`);
  send({ type: 'event', event: 'connect.challenge', payload: { nonce, ts: Date.now() } });

  // Until hello-ok ws itself refuses frames over 64 KiB from their header (the server's maxPayload),
  // so an unauthenticated peer never makes the gateway buffer more than that. Here we only put our
  // reason on that 1009 (without the hook ws still closes 1009, with no reason).
  const preauthTooBig = () => {
    rt.metrics?.handshake('invalid', 'PREAUTH_PAYLOAD_TOO_LARGE');
    closeBeforeConnect(CLOSE.TOO_BIG, 'preauth payload too large', 'preauth-payload-too-large', { limitBytes: PREAUTH_MAX_BYTES });
    // Send the close frame and FIN now, stop reading, and drop the socket shortly after: reading (and
    // discarding) the rest of a 25 MB frame until the peer answers the close costs ~0.5 MiB of RSS per
    // socket that the allocator keeps. ws resumes the socket on the next tick after refusing a frame,
    // so the pause comes after that. The short linger lets the peer read the close frame first.
    req.socket.end();
    setImmediate(() => req.socket.pause());
    setTimeout(() => req.socket.destroy(), PREAUTH_LINGER_MS).unref();
  };
  onFrameTooLarge(ws, () => {
    if (!live) preauthTooBig();
  });
  ws.on('message', (data: Buffer, isBinary: boolean) =>
    guardEntry(
      rt.wsLog,
      `websocket frame conn=${connId}`,
      () => {
        if (closed) return;
        const text = isBinary ? undefined : data.toString('utf8');
        return live ? onRequest(text) : onHandshakeFrame(text);
      },
      () => close(CLOSE.INTERNAL_ERROR, 'internal error'),
    ),
  );
  ws.on('close', () => {
    closed = true;
    clearTimeout(timer);
    if (live) {
      rt.connections.delete(connId);
      rt.stateVersion.presence++;
      if (live.info.role === 'node') rt.subsystems?.nodeDisconnected(live);
      rt.wsLog.info(`${live.info.clientMode} disconnected conn=${connId}`);
    }
  });
  // After our own close the close frame is on its way: leave the socket to close()'s timer.
  ws.on('error', () => {
    if (!closed) ws.terminate();
  });

  function parse(text: string | undefined): unknown {
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }

  function onHandshakeFrame(text: string | undefined) {
    const raw = parse(text) as { type?: unknown; method?: unknown; id?: unknown } | undefined;
    if (raw && typeof raw === 'object') lastFrame = { type: capPeer(raw.type), method: capPeer(raw.method), id: capPeer(raw.id) };
    const frame = requestFrame.safeParse(raw);
    if (!frame.success || frame.data.method !== 'connect') {
      const id = frame.success ? frame.data.id : 'invalid';
      rt.metrics?.handshake('invalid', 'INVALID_REQUEST');
      reply(id, false, { error: { code: 'INVALID_REQUEST', message: FIRST_FRAME_ERROR } });
      return closeBeforeConnect(CLOSE.POLICY, FIRST_FRAME_ERROR, 'invalid-handshake', { handshakeError: FIRST_FRAME_ERROR });
    }
    const params = connectParams.safeParse(frame.data.params);
    if (!params.success) {
      const message = `invalid connect params: ${describeIssues(params.error)}`;
      rt.metrics?.handshake('invalid', 'INVALID_REQUEST');
      reply(frame.data.id, false, { error: { code: 'INVALID_REQUEST', message } });
      return closeBeforeConnect(CLOSE.POLICY, message, 'invalid-handshake', { handshakeError: message });
    }
    const p = params.data;
    const decision = decideConnect(rt, { params: p, nonce, remoteIp, origin, host, headers: req.headers });
    const client = quotePeer(`${p.client.id} ${p.client.mode} v${p.client.version}`);
    if (!decision.ok) {
      if (decision.pairing) {
        const pr = decision.pairing;
        rt.log.warn(
          `pairing request from device ${pr.deviceId}: requestId=${pr.requestId} reason=${pr.reason} role=${p.role ?? 'operator'} remote=${remoteIp} client=${client}`,
        );
        if (pr.reason !== 'not-paired') {
          // Upstream's audit line for a known device asking for more than it was approved for.
          const was = rt.pairing.getPaired(pr.deviceId);
          rt.log.warn(
            `security audit: device access upgrade requested reason=${pr.reason} device=${pr.deviceId} ip=${remoteIp} auth=${p.auth?.token !== undefined ? 'token' : p.auth?.password !== undefined ? 'password' : 'device-token'} roleFrom=${was?.roles.join(',') ?? 'none'} roleTo=${p.role ?? 'operator'} scopesFrom=${was?.scopes.join(',') || 'none'} scopesTo=${p.scopes?.length ? quotePeer(p.scopes.join(',')) : 'none'}`,
          );
        }
        if (pr.created) {
          if (rt.metrics) rt.metrics.pairingRequests++;
          rt.broadcast('device.pair.requested', { requestId: pr.requestId, deviceId: pr.deviceId, reason: pr.reason, role: p.role ?? 'operator' }, (c) =>
            scopeSatisfied(c.info.scopes, 'operator.pairing'),
          );
        }
      }
      const cause = causeOf(decision.logReason);
      recordRefusal(decision.error, cause, decision.logReason);
      if (cause === 'unauthorized') {
        const auth = p.auth?.token !== undefined ? 'token' : p.auth?.password !== undefined ? 'password' : p.auth?.deviceToken ? 'device-token' : p.auth?.bootstrapToken ? 'bootstrap-token' : 'none';
        rt.wsLog.warn(
          `unauthorized conn=${connId} peer=${peer} remote=${remoteIp} client=${client} role=${p.role ?? 'operator'} scopes=${p.scopes?.length ?? 0} auth=${auth} device=${p.device ? 'yes' : 'no'} platform=${quotePeer(p.client.platform)} instance=${orNa(p.client.instanceId)} host=${orNa(host)} origin=${orNa(origin)} ua=${orNa(ua)} reason=${decision.logReason} guidance=${decision.error.message}`,
        );
      } else if (cause === 'protocol-mismatch') {
        rt.wsLog.warn(
          `protocol mismatch conn=${connId} peer=${peer} remote=${remoteIp} remotePort=${req.socket.remotePort} client=${client} min=${p.minProtocol} max=${p.maxProtocol} expected=${PROTOCOL_MAX} probeMin=${PROTOCOL_MIN} instance=${orNa(p.client.instanceId)}`,
        );
      }
      reply(frame.data.id, false, { error: decision.error });
      return closeBeforeConnect(decision.closeCode, decision.error.message, cause, { client: p.client.id, mode: p.client.mode, reason: decision.logReason });
    }
    clearTimeout(timer);
    live = {
      info: {
        connId,
        clientId: p.client.id,
        clientMode: p.client.mode,
        clientVersion: p.client.version,
        platform: p.client.platform,
        displayName: p.client.displayName,
        role: decision.role,
        scopes: decision.scopes,
        deviceId: decision.deviceId,
        remoteIp,
        protocol: decision.protocol,
        connectedAtMs: Date.now(),
      },
      send,
      close,
    };
    rt.connections.set(connId, live);
    rt.metrics?.handshake('accepted', 'none');
    rt.stateVersion.presence++;
    const s = rt.settings;
    const hello: HelloOk = {
      type: 'hello-ok',
      protocol: decision.protocol,
      server: { version: rt.version, connId },
      features: { methods: METHODS.map((m) => m.name), events: EVENTS },
      snapshot: {
        // Bounded: with thousands of clients a full list in every hello-ok makes connecting O(n²).
        presence: presenceOf(rt).slice(-SNAPSHOT_PRESENCE_MAX),
        health: healthSnapshot(rt),
        stateVersion: { ...rt.stateVersion },
        uptimeMs: Date.now() - rt.startedAtMs,
        configPath: s.configPath,
        stateDir: s.stateDir,
        authMode: s.authMode,
      },
      policy: { ...POLICY, tickIntervalMs: s.tickIntervalMs },
    };
    hello.auth = decision.deviceToken
      ? { deviceToken: decision.deviceToken.token, role: decision.deviceToken.role, scopes: decision.deviceToken.scopes, method: decision.authMethod }
      : { role: decision.role, scopes: decision.scopes, method: decision.authMethod };
    // Authenticated: frames up to the policy maxPayload are accepted from now on.
    if (!setPayloadLimit(ws, POLICY.maxPayload)) rt.wsLog.warn(`could not raise the frame limit conn=${connId}: frames over ${PREAUTH_MAX_BYTES} bytes will be refused`);
    reply(frame.data.id, true, { payload: hello });
    // A node declares what it can do in its connect; the registry routes node.invoke to this socket.
    if (decision.role === 'node') rt.subsystems?.nodeConnected(live, { caps: p.caps, commands: p.commands, permissions: p.permissions, displayName: p.client.displayName, platform: p.client.platform });
    rt.wsLog.info(`${p.client.mode} connected conn=${connId} remote=${remoteIp} client=${client} role=${decision.role} durationMs=${Date.now() - openedAt}`);
  }

  function recordRefusal(error: ErrorShape, cause: string, logReason: string) {
    if (!rt.metrics) return;
    const code = (error.details as { code?: unknown } | undefined)?.code;
    rt.metrics.handshake('refused', typeof code === 'string' ? code : error.code);
    if ((cause === 'unauthorized' || cause === 'device-auth-invalid') && logReason !== 'rate_limited') rt.metrics.authFailures++;
  }

  function deny(id: string, error: ErrorShape) {
    reply(id, false, { error });
    const t = Date.now();
    denied = denied.filter((d) => t - d < 60_000);
    denied.push(t);
    if (denied.length > MAX_DENIED_PER_MINUTE) close(CLOSE.POLICY, 'repeated unauthorized calls');
  }

  async function onRequest(text: string | undefined) {
    const frame = requestFrame.safeParse(parse(text));
    if (!frame.success) {
      const id = (parse(text) as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') reply(id, false, { error: { code: 'INVALID_REQUEST', message: 'invalid request frame' } });
      return;
    }
    const { id, method, params } = frame.data;
    const conn = live!;
    const def = METHOD_TABLE.get(method);
    if (!def) return reply(id, false, { error: { code: 'INVALID_REQUEST', message: `unknown method: ${method}` } });
    if (!(def.roles ?? ['operator']).includes(conn.info.role)) {
      return deny(id, { code: 'INVALID_REQUEST', message: `unauthorized role: ${conn.info.role}` });
    }
    if (def.scope && !scopeSatisfied(conn.info.scopes, def.scope)) {
      const message = `missing scope: ${def.scope}`;
      return deny(
        id,
        conn.info.protocol >= 4 ? { code: 'FORBIDDEN', message, details: { code: 'MISSING_SCOPE', missingScope: def.scope, requiredScopes: [def.scope] } } : { code: 'INVALID_REQUEST', message },
      );
    }
    const started = Date.now();
    const t0 = performance.now();
    try {
      const payload = await def.handle(params, { rt, conn });
      rt.metrics?.rpc(method, true, (performance.now() - t0) / 1000);
      reply(id, true, { payload });
      rt.wsLog.debug(`⇄ res ✓ ${method} ${Date.now() - started}ms conn=${connId}`);
    } catch (err) {
      rt.metrics?.rpc(method, false, (performance.now() - t0) / 1000);
      if (err instanceof RpcError) reply(id, false, { error: err.toShape() });
      else {
        rt.wsLog.error(`method ${method} failed: ${(err as Error)?.message ?? String(err)}`);
        reply(id, false, { error: { code: 'UNAVAILABLE', message: `${method} failed: ${(err as Error)?.message ?? String(err)}` } });
      }
    }
  }
}
