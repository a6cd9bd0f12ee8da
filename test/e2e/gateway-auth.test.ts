// The WebSocket handshake against a real gateway: every refusal with its details.code and close code.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectGateway } from '../../src/client/connection.js';
import { cleanup, connectFrame, handshake, logText, makeState, newDevice, newToken, rawConnect, readJsonFile, rpc, startGateway, type RunningGateway } from './gateway-harness.js';

const token = newToken();
let gw: RunningGateway;
let dir: string;
const ORIGIN_OK = 'https://ui.example.test';
const SHORT_RAW = Buffer.alloc(31, 7);
const SHORT_KEY = SHORT_RAW.toString('base64url');
const SHORT_KEY_ID = crypto.createHash('sha256').update(SHORT_RAW).digest('hex');

beforeAll(async () => {
  dir = makeState({
    gateway: {
      mode: 'local',
      auth: { mode: 'token', token },
      controlUi: { allowedOrigins: [ORIGIN_OK] },
      handshakeTimeoutMs: 400,
    },
  });
  gw = await startGateway(dir);
});
afterAll(async () => {
  await gw?.stop();
  await cleanup();
});

async function refused(spec: Parameters<typeof handshake>[1], headers: Record<string, string> = {}) {
  const { res, sock } = await handshake(gw.url, spec, headers);
  expect(res.ok).toBe(false);
  const closed = await sock.closed;
  return { error: res.error, closed };
}

describe('first frame and params', () => {
  it('sends connect.challenge with a uuid nonce and a timestamp', async () => {
    const sock = rawConnect(gw.url);
    const c = await sock.challenge;
    expect(c.nonce).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(c.ts - Date.now())).toBeLessThan(5000);
    sock.ws.close();
  });

  it('a non-connect first request gets INVALID_REQUEST and close 1008', async () => {
    const sock = rawConnect(gw.url);
    await sock.challenge;
    sock.send({ type: 'req', id: 'x', method: 'health' });
    const res = await sock.next((f) => f.type === 'res');
    expect(res.error).toMatchObject({ code: 'INVALID_REQUEST', message: 'invalid handshake: first request must be connect' });
    expect((await sock.closed).code).toBe(1008);
  });

  it('garbage as the first frame closes 1008', async () => {
    const sock = rawConnect(gw.url);
    await sock.challenge;
    sock.send('not json at all');
    expect((await sock.closed).code).toBe(1008);
  });

  it('a client id outside the closed set is invalid connect params', async () => {
    const { error, closed } = await refused({ token, clientId: 'my-bot' });
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toBe('invalid connect params: at /client/id: must be equal to one of the allowed values');
    expect(closed).toEqual({ code: 1008, reason: error.message });
  });

  it('a client mode outside the closed set is invalid too', async () => {
    const { error } = await refused({ token, mode: 'daemon' });
    expect(error.message).toContain('/client/mode');
  });

  it('protocol out of range: protocol mismatch, expectedProtocol, close 1002', async () => {
    const { error, closed } = await refused({ token, minProtocol: 5, maxProtocol: 6 });
    expect(error).toEqual({
      code: 'INVALID_REQUEST',
      message: 'protocol mismatch',
      details: { code: 'PROTOCOL_MISMATCH', clientMinProtocol: 5, clientMaxProtocol: 6, expectedProtocol: 4, minimumProbeProtocol: 3 },
    });
    expect(closed).toEqual({ code: 1002, reason: 'protocol mismatch' });
  });

  it('negotiates protocol 3 with a v3 client and 4 with a v4 client', async () => {
    for (const [max, want] of [
      [3, 3],
      [4, 4],
    ]) {
      const { res, sock } = await handshake(gw.url, { token, minProtocol: 3, maxProtocol: max });
      expect(res.payload.protocol).toBe(want);
      sock.ws.close();
    }
  });

  it('an unknown role is refused', async () => {
    const { error, closed } = await refused({ token, role: 'superuser' });
    expect(error).toEqual({ code: 'INVALID_REQUEST', message: 'invalid role' });
    expect(closed.code).toBe(1008);
  });

  it('closes a socket that never sends connect (handshake timeout)', async () => {
    const sock = rawConnect(gw.url);
    await sock.challenge;
    const closed = await sock.closed;
    expect(closed).toEqual({ code: 1000, reason: 'handshake timeout' });
  });

  it('closes 1009 on a pre-auth frame over 64 KiB', async () => {
    const sock = rawConnect(gw.url);
    await sock.challenge;
    sock.send('x'.repeat(70 * 1024));
    const closed = await sock.closed;
    expect(closed.code).toBe(1009);
    expect(closed.reason).toBe('preauth payload too large');
  });
});

describe('shared auth', () => {
  it('nothing at all: DEVICE_IDENTITY_REQUIRED (NOT_PAIRED), as 2026.9 answers', async () => {
    const { error, closed } = await refused({});
    expect(error).toEqual({ code: 'NOT_PAIRED', message: 'device identity required', details: { code: 'DEVICE_IDENTITY_REQUIRED' } });
    expect(closed).toEqual({ code: 1008, reason: 'device identity required' });
  });

  it('a device without the token: AUTH_TOKEN_MISSING', async () => {
    const { error, closed } = await refused({ device: newDevice() });
    expect(error.message).toBe("unauthorized: gateway token missing (use this gateway's gateway.auth.token or pair the device)");
    expect(error.details).toEqual({ code: 'AUTH_TOKEN_MISSING', authReason: 'token_missing', recommendedNextStep: 'update_auth_configuration', canRetryWithDeviceToken: false });
    expect(closed.code).toBe(1008);
  });

  it('wrong token: AUTH_TOKEN_MISMATCH with upstream message', async () => {
    const { error, closed } = await refused({ token: 'definitely-wrong' });
    expect(error.message).toBe("unauthorized: gateway token mismatch (use this gateway's gateway.auth.token or pair the device)");
    expect(error.details).toEqual({ code: 'AUTH_TOKEN_MISMATCH', authReason: 'token_mismatch', recommendedNextStep: 'update_auth_credentials', canRetryWithDeviceToken: false });
    expect(closed.reason).toBe(error.message);
  });

  it('bootstrap token we never issued: AUTH_BOOTSTRAP_TOKEN_INVALID', async () => {
    const { error } = await refused({ bootstrapToken: 'abc', device: newDevice() });
    expect(error.details.code).toBe('AUTH_BOOTSTRAP_TOKEN_INVALID');
    expect((await refused({ bootstrapToken: 'abc' })).error.details.code).toBe('DEVICE_IDENTITY_REQUIRED');
  });

  it('logs every failure with the upstream shapes and never the token', () => {
    const log = logText(dir);
    // Peer-supplied values are quoted (`platform="Linux"`; JSON escapes the quotes in the file).
    expect(log).toMatch(/unauthorized conn=\S+ peer=127\.0\.0\.1:\d+->127\.0\.0\.1:\d+ remote=127\.0\.0\.1 client=\\"test test v1\.0\.0\\" role=operator scopes=1 auth=token device=no platform=\\"Linux\\" instance=n\/a host=\\"127\.0\.0\.1:\d+\\" origin=n\/a ua=n\/a reason=token_mismatch guidance=unauthorized: gateway token mismatch/);
    expect(log).toMatch(/closed before connect conn=\S+ peer=\S+ remote=127\.0\.0\.1 fwd=n\/a origin=n\/a host=\\"127\.0\.0\.1:\d+\\" ua=n\/a code=1008 reason=unauthorized: gateway token mismatch/);
    const closedLine = log.split('\n').find((l) => l.includes('closed before connect') && l.includes('token_mismatch'))!;
    expect(JSON.parse(closedLine)['1']).toMatchObject({ cause: 'unauthorized', handshake: 'failed', lastFrameType: 'req', lastFrameMethod: 'connect', remoteAddr: '127.0.0.1' });
    expect(log).not.toContain(token);
  });

  it('a token-only operator gets no scopes: health works, status is MISSING_SCOPE (v4) / plain (v3)', async () => {
    const { res, sock } = await handshake(gw.url, { token });
    expect(res.ok).toBe(true);
    expect(res.payload.auth).toEqual({ role: 'operator', scopes: [], method: 'token' });
    expect((await rpc(sock, 'health')).ok).toBe(true);
    const st = await rpc(sock, 'status');
    expect(st.error).toEqual({ code: 'FORBIDDEN', message: 'missing scope: operator.read', details: { code: 'MISSING_SCOPE', missingScope: 'operator.read', requiredScopes: ['operator.read'] } });
    sock.ws.close();
    const v3 = await handshake(gw.url, { token, maxProtocol: 3 });
    const st3 = await rpc(v3.sock, 'status');
    expect(st3.error).toEqual({ code: 'INVALID_REQUEST', message: 'missing scope: operator.read' });
    v3.sock.ws.close();
  });

  it('a token-only cli or backend client keeps its requested scopes (as 2026.9 does); probe and test modes do not', async () => {
    for (const [clientId, mode, want] of [
      ['cli', 'cli', ['operator.read']],
      ['gateway-client', 'backend', ['operator.read']],
      ['openclaw-probe', 'probe', []],
    ] as const) {
      const { res, sock } = await handshake(gw.url, { token, clientId, mode, scopes: ['operator.read'] });
      expect(res.payload.auth.scopes).toEqual(want);
      expect((await rpc(sock, 'status')).ok).toBe(want.length > 0);
      sock.ws.close();
    }
  });

  it('hello-ok carries snapshot, features and policy', async () => {
    const { res, sock } = await handshake(gw.url, { token, device: newDevice() });
    const h = res.payload;
    expect(h.type).toBe('hello-ok');
    expect(h.server.connId).toBeTruthy();
    expect(h.features.methods).toEqual(expect.arrayContaining(['health', 'status', 'system-presence', 'config.get', 'config.patch', 'logs.tail', 'device.pair.list']));
    expect(h.snapshot).toMatchObject({ stateVersion: { presence: expect.any(Number), health: expect.any(Number) }, authMode: 'token' });
    expect(h.snapshot.health.ok).toBe(true);
    expect(h.policy).toEqual({ maxPayload: 26214400, maxBufferedBytes: 52428800, tickIntervalMs: 30000 });
    expect(h.auth).toMatchObject({ role: 'operator', scopes: ['operator.admin'], method: 'token', deviceToken: expect.any(String) });
    sock.ws.close();
  });
});

describe('device identity', () => {
  const cases: Array<[string, (d: ReturnType<typeof newDevice>) => Parameters<typeof handshake>[1], string, string]> = [
    ['bad signature', (d) => ({ token, device: d, sign: { signature: Buffer.alloc(64, 1).toString('base64url') } }), 'DEVICE_AUTH_SIGNATURE_INVALID', 'device signature invalid'],
    ['signature over another nonce', (d) => ({ token, device: d, sign: { signNonce: 'other' } }), 'DEVICE_AUTH_SIGNATURE_INVALID', 'device signature invalid'],
    ['expired signature', (d) => ({ token, device: d, sign: { signedAt: Date.now() - 3 * 60_000 } }), 'DEVICE_AUTH_SIGNATURE_EXPIRED', 'device signature expired'],
    ['future signature', (d) => ({ token, device: d, sign: { signedAt: Date.now() + 3 * 60_000 } }), 'DEVICE_AUTH_SIGNATURE_EXPIRED', 'device signature expired'],
    ['no nonce', (d) => ({ token, device: d, sign: { nonce: null } }), 'DEVICE_AUTH_NONCE_REQUIRED', 'device nonce required'],
    ['wrong nonce', (d) => ({ token, device: d, sign: { nonce: 'not-the-challenge' } }), 'DEVICE_AUTH_NONCE_MISMATCH', 'device nonce mismatch'],
    ['id not derived from the key', (d) => ({ token, device: d, sign: { id: 'ab'.repeat(32) } }), 'DEVICE_AUTH_DEVICE_ID_MISMATCH', 'device identity mismatch'],
    ['a short key is an id mismatch first (as upstream)', (d) => ({ token, device: d, sign: { publicKey: 'AAAA' } }), 'DEVICE_AUTH_DEVICE_ID_MISMATCH', 'device identity mismatch'],
    ['public key not 32 bytes, id derived from it', (d) => ({ token, device: d, sign: { publicKey: SHORT_KEY, id: SHORT_KEY_ID } }), 'DEVICE_AUTH_PUBLIC_KEY_INVALID', 'device public key invalid'],
    ['signature not 64 bytes', (d) => ({ token, device: d, sign: { signature: 'AAAA' } }), 'DEVICE_AUTH_INVALID', 'device signature invalid'],
  ];
  for (const [name, spec, code, message] of cases) {
    it(`${name}: ${code}`, async () => {
      const { error, closed } = await refused(spec(newDevice()));
      expect(error.details.code).toBe(code);
      expect(error.details.reason).toMatch(/^device-/);
      expect(error.message).toBe(message);
      expect(closed).toEqual({ code: 1008, reason: message });
    });
  }

  it('accepts a v2 signature', async () => {
    const { res, sock } = await handshake(gw.url, { token, device: newDevice(), sign: { version: 'v2' } });
    expect(res.ok).toBe(true);
    sock.ws.close();
  });

  it('a node without a device: DEVICE_IDENTITY_REQUIRED', async () => {
    const { error } = await refused({ token, role: 'node', scopes: [] });
    expect(error.details.code).toBe('DEVICE_IDENTITY_REQUIRED');
  });
});

describe('origin and pairing', () => {
  it('a browser Origin not allowed: CONTROL_UI_ORIGIN_NOT_ALLOWED', async () => {
    const { error, closed } = await refused({ token, clientId: 'openclaw-control-ui', mode: 'ui' }, { origin: 'https://evil.example' });
    expect(error.details).toEqual({ code: 'CONTROL_UI_ORIGIN_NOT_ALLOWED', reason: 'origin not allowed' });
    expect(error.message).toBe('origin not allowed (open the Control UI from the gateway host or allow it in gateway.controlUi.allowedOrigins)');
    expect(closed.code).toBe(1008);
  });

  it('an allowed Origin without a device: CONTROL_UI_DEVICE_IDENTITY_REQUIRED', async () => {
    const { error } = await refused({ token, clientId: 'openclaw-control-ui', mode: 'ui' }, { origin: ORIGIN_OK });
    expect(error.details.code).toBe('CONTROL_UI_DEVICE_IDENTITY_REQUIRED');
    expect(error.message).toBe('control ui requires device identity (use HTTPS or localhost secure context)');
  });

  it('a browser device is not auto-paired: PAIRING_REQUIRED, event to admins, approve, then it connects', async () => {
    const admin = await handshake(gw.url, { token, device: newDevice() });
    expect(admin.res.ok).toBe(true);
    const requested = admin.sock.next((f) => f.type === 'event' && f.event === 'device.pair.requested');
    const ui = newDevice();
    const spec = { token, device: ui, clientId: 'openclaw-control-ui', mode: 'ui', scopes: ['operator.read'] };
    const { error } = await refused(spec, { origin: ORIGIN_OK });
    expect(error.code).toBe('NOT_PAIRED');
    expect(error.message).toBe('pairing required');
    expect(error.details).toMatchObject({ code: 'PAIRING_REQUIRED', reason: 'not-paired' });
    const requestId = error.details.requestId;
    expect((await requested).payload).toMatchObject({ requestId, deviceId: ui.id });
    const pending = readJsonFile(path.join(dir, 'devices', 'pending.json'));
    expect(pending[requestId].deviceId).toBe(ui.id);
    expect(fs.statSync(path.join(dir, 'devices', 'pending.json')).mode & 0o777).toBe(0o600);
    expect(logText(dir)).toContain(`pairing request from device ${ui.id}: requestId=${requestId} reason=not-paired`);

    const list = await rpc(admin.sock, 'device.pair.list');
    expect(list.payload.pending.map((p: any) => p.requestId)).toContain(requestId);
    const ok = await rpc(admin.sock, 'device.pair.approve', { requestId });
    expect(ok.ok).toBe(true);
    const again = await handshake(gw.url, spec, { origin: ORIGIN_OK });
    expect(again.res.ok).toBe(true);
    again.sock.ws.close();

    // Asking for more than was approved is a scope upgrade, which needs approval again.
    const more = await refused({ ...spec, scopes: ['operator.admin'] }, { origin: ORIGIN_OK });
    expect(more.error.details).toMatchObject({ code: 'PAIRING_REQUIRED', reason: 'scope-upgrade' });
    expect(logText(dir)).toContain(`security audit: device access upgrade requested reason=scope-upgrade device=${ui.id} ip=127.0.0.1 auth=token roleFrom=operator`);
    const rej = await rpc(admin.sock, 'device.pair.reject', { requestId: more.error.details.requestId });
    expect(rej.ok).toBe(true);
    admin.sock.ws.close();
  });

  it('a paired device connects with its device token alone; a wrong one is AUTH_DEVICE_TOKEN_MISMATCH', async () => {
    const d = newDevice();
    const first = await handshake(gw.url, { token, device: d });
    const deviceToken = first.res.payload.auth.deviceToken;
    first.sock.ws.close();
    const second = await handshake(gw.url, { deviceToken, device: d });
    expect(second.res.ok).toBe(true);
    expect(second.res.payload.auth.deviceToken).toBe(deviceToken);
    expect((await rpc(second.sock, 'status')).ok).toBe(true);
    second.sock.ws.close();
    const bad = await refused({ deviceToken: 'nope-nope-nope', device: d });
    expect(bad.error.details.code).toBe('AUTH_DEVICE_TOKEN_MISMATCH');
    expect(bad.error.message).toBe('unauthorized: device token mismatch (rotate/reissue device token)');
    const noDevice = await refused({ deviceToken });
    expect(noDevice.error.details.code).toBe('DEVICE_IDENTITY_REQUIRED');
  });

  it('a wrong shared token from a device that holds a device token says canRetryWithDeviceToken', async () => {
    const d = newDevice();
    const first = await handshake(gw.url, { token, device: d });
    first.sock.ws.close();
    const { error } = await refused({ token: 'stale-shared-token', device: d });
    expect(error.details).toMatchObject({ code: 'AUTH_TOKEN_MISMATCH', canRetryWithDeviceToken: true, recommendedNextStep: 'retry_with_device_token' });
  });

  it('rotate invalidates the old device token; revoke removes it', async () => {
    const d = newDevice();
    const first = await handshake(gw.url, { token, device: d });
    const old = first.res.payload.auth.deviceToken;
    const rot = await rpc(first.sock, 'device.token.rotate', { deviceId: d.id, role: 'operator' });
    expect(rot.payload.token).not.toBe(old);
    expect((await refused({ deviceToken: old, device: d })).error.details.code).toBe('AUTH_DEVICE_TOKEN_MISMATCH');
    const ok = await handshake(gw.url, { deviceToken: rot.payload.token, device: d });
    expect(ok.res.ok).toBe(true);
    const closed = ok.sock.closed;
    const rev = await rpc(first.sock, 'device.token.revoke', { deviceId: d.id, role: 'operator' });
    expect(rev.ok).toBe(true);
    expect((await closed).code).toBe(4001);
    first.sock.ws.close();
  });
});

describe('client retry with the cached device token', () => {
  it('retries once with the device token after a token mismatch and succeeds', async () => {
    const clientState = makeState();
    const first = await connectGateway({ url: gw.url, token, stateDir: clientState, timeoutMs: 5000 });
    expect(first.ok).toBe(true);
    if (first.ok) first.client.close();
    expect(fs.statSync(path.join(clientState, 'identity', 'device.json')).mode & 0o777).toBe(0o600);
    const second = await connectGateway({ url: gw.url, token: 'rotated-away-token', stateDir: clientState, timeoutMs: 5000 });
    expect(second.ok).toBe(true);
    if (second.ok) {
      expect(second.hello.auth?.scopes).toContain('operator.admin');
      second.client.close();
    }
    const noRetry = await connectGateway({ url: gw.url, token: 'rotated-away-token', stateDir: clientState, timeoutMs: 5000, noRetry: true });
    expect(noRetry.ok).toBe(false);
    if (!noRetry.ok) expect(noRetry.failure).toMatchObject({ kind: 'auth', code: 'AUTH_TOKEN_MISMATCH', canRetryWithDeviceToken: true });
  });

  it('reports pairing and protocol failures as typed results', async () => {
    const p = await connectGateway({ url: gw.url, token, minProtocol: 9, maxProtocol: 9, timeoutMs: 5000 });
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.failure).toMatchObject({ kind: 'protocol', expectedProtocol: 4 });
  });
});

describe('RPC methods', () => {
  it('config.get is redacted, config.patch writes and is limited to 3 a minute, logs.tail pages', async () => {
    const { sock } = await handshake(gw.url, { token, device: newDevice() });
    const got = await rpc(sock, 'config.get');
    expect(got.payload.config.gateway.auth.token).toBe('***');
    expect(JSON.stringify(got.payload)).not.toContain(token);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await rpc(sock, 'config.patch', { raw: `{ hooks: { enabled: ${i % 2 === 0} } }` }));
    expect(results.slice(0, 3).every((r) => r.ok)).toBe(true);
    expect(results[3].error).toMatchObject({ code: 'UNAVAILABLE', retryable: true });
    expect(readJsonFile(path.join(dir, 'openclaw.json')).hooks.enabled).toBe(true);
    const tail = await rpc(sock, 'logs.tail', { limit: 5 });
    expect(tail.payload.lines.length).toBeLessThanOrEqual(5);
    expect(tail.payload.file).toContain(path.join(dir, 'logs'));
    const more = await rpc(sock, 'logs.tail', { cursor: tail.payload.cursor, limit: 100 });
    expect(more.payload.cursor).toBeGreaterThanOrEqual(tail.payload.cursor);
    const presence = await rpc(sock, 'system-presence');
    expect(presence.payload.length).toBeGreaterThan(0);
    const unknown = await rpc(sock, 'no.such.method');
    expect(unknown.error).toMatchObject({ code: 'INVALID_REQUEST', message: 'unknown method: no.such.method' });
    sock.ws.close();
  });

  it('closes a connection that keeps calling what it may not (repeated unauthorized calls)', async () => {
    const { sock } = await handshake(gw.url, { token });
    for (let i = 0; i < 35; i++) sock.send({ type: 'req', id: `s${i}`, method: 'status' });
    const closed = await sock.closed;
    expect(closed).toEqual({ code: 1008, reason: 'repeated unauthorized calls' });
  });
});

describe('connect frames as a real client builds them', () => {
  it('connectFrame output passes the gateway schema', async () => {
    const sock = rawConnect(gw.url);
    const { nonce } = await sock.challenge;
    sock.send(connectFrame(nonce, { token, device: newDevice(), clientId: 'openclaw-probe', mode: 'probe' }));
    const res = await sock.next((f) => f.type === 'res');
    expect(res.ok).toBe(true);
    sock.ws.close();
  });
});
