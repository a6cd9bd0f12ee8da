#!/usr/bin/env node
// Interop helper (not a benchmark of speed): sends the same 27 handshake cases to a gateway and prints
// one JSON line per case (error code, message, details, close code/reason, hello-ok summary), so the
// answers of our gateway and a real OpenClaw can be diffed. Run both only inside a loopback-only
// network namespace (README, interop). Usage: node bench/gateway-interop-compare.mjs ws://127.0.0.1:PORT TOKEN
import crypto from 'node:crypto';
import WebSocket from 'ws';
import { base64url, deviceIdFor, rawPublicKey, signPayload, signedPayload } from '../dist/src/protocol/device-auth.js';
const [url, token] = process.argv.slice(2);
function dev() { const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519'); const raw = rawPublicKey(publicKey); return { id: deviceIdFor(raw), publicKey: base64url(raw), privateKey }; }
function conn(headers = {}) {
  const ws = new WebSocket(url, { headers }); const frames = []; const waiters = [];
  ws.on('message', (d) => { const f = JSON.parse(d.toString()); const i = waiters.findIndex((w) => w.m(f)); if (i >= 0) waiters.splice(i, 1)[0].r(f); else frames.push(f); });
  ws.on('error', () => {});
  const closed = new Promise((r) => ws.on('close', (code, reason) => r({ code, reason: reason.toString() })));
  const next = (m, t = 4000) => new Promise((res, rej) => { const i = frames.findIndex(m); if (i >= 0) return res(frames.splice(i, 1)[0]); const to = setTimeout(() => res({ timeout: true }), t); waiters.push({ m, r: (f) => { clearTimeout(to); res(f); } }); });
  return { ws, closed, next, challenge: next((f) => f.event === 'connect.challenge') };
}
function connectParams(nonce, o = {}) {
  const p = { minProtocol: o.min ?? 3, maxProtocol: o.max ?? 4, client: { id: o.id ?? 'cli', version: '1.0.0', platform: 'linux', mode: o.mode ?? 'cli' }, role: o.role ?? 'operator', scopes: o.scopes ?? ['operator.admin'], auth: o.auth ?? {} };
  if (o.device) { const d = o.device; const signedAt = o.signedAt ?? Date.now(); const payload = signedPayload({ deviceId: d.id, clientId: p.client.id, clientMode: p.client.mode, role: p.role, scopes: p.scopes, signedAtMs: signedAt, token: p.auth.token ?? p.auth.deviceToken ?? '', nonce, platform: 'linux' }, o.v ?? 'v3');
    p.device = { id: d.id, publicKey: d.publicKey, signature: o.badSig ? base64url(Buffer.alloc(64, 1)) : signPayload(d.privateKey, payload), signedAt, nonce: o.nonce ?? nonce }; }
  return p;
}
async function tryConnect(name, o = {}, headers = {}, after) {
  const c = conn(headers); const ch = await c.challenge;
  if (o.raw !== undefined) c.ws.send(o.raw); else c.ws.send(JSON.stringify({ type: 'req', id: 'c1', method: 'connect', params: connectParams(ch.payload.nonce, o) }));
  const res = await c.next((f) => f.type === 'res');
  let extra;
  if (res.ok && after) extra = await after(c);
  if (res.ok) c.ws.close();
  const closed = await Promise.race([c.closed, new Promise((r) => setTimeout(() => r('open'), 3000))]);
  const summary = res.ok ? { ok: true, protocol: res.payload.protocol, keys: Object.keys(res.payload), snapshotKeys: Object.keys(res.payload.snapshot ?? {}), policy: res.payload.policy, auth: res.payload.auth ? { role: res.payload.auth.role, scopes: res.payload.auth.scopes, hasToken: !!res.payload.auth.deviceToken } : undefined, nMethods: res.payload.features?.methods?.length, events: res.payload.features?.events?.slice(0, 12) } : { ok: false, error: res.error };
  console.log(JSON.stringify({ case: name, ...summary, closed, extra }));
}
const rpc = (c, method, params = {}) => { const id = crypto.randomUUID(); c.ws.send(JSON.stringify({ type: 'req', id, method, params })); return c.next((f) => f.id === id); };
{
await tryConnect('device-no-token', { device: dev() });
await tryConnect('device-wrong-token', { auth: { token: 'wrong' }, device: dev() });
await tryConnect('devtoken-no-device', { auth: { deviceToken: 'abc' } });
await tryConnect('bootstrap-bad', { auth: { bootstrapToken: 'abc' } });
await tryConnect('bootstrap-bad-device', { auth: { bootstrapToken: 'abc' }, device: dev() });
await tryConnect('token-only-status', { auth: { token } }, {}, async (c) => ({ status: (await rpc(c, 'status')).error ?? 'ok', cfg: (await rpc(c, 'config.get')).error ?? 'ok' }));
await tryConnect('token-only-readscope', { auth: { token }, scopes: ['operator.read'] }, {}, async (c) => ({ patch: (await rpc(c, 'config.patch', { raw: '{}' })).error ?? 'ok' }));
await tryConnect('bad-role', { auth: { token }, role: 'superuser' });
await tryConnect('origin-ok-nodevice', { id: 'openclaw-control-ui', mode: 'webchat', auth: { token } }, { origin: 'http://127.0.0.1:18801' });
await tryConnect('origin-ok-device', { id: 'openclaw-control-ui', mode: 'webchat', auth: { token }, device: dev() }, { origin: 'http://127.0.0.1:18801' });
await tryConnect('pubkey-bad', { auth: { token }, device: { ...dev(), publicKey: 'AAAA' } });
await tryConnect('id-mismatch', { auth: { token }, device: { ...dev(), id: 'ab'.repeat(32) } });
}
const c = conn(); await c.challenge; c.ws.send('x'.repeat(10)); console.log(JSON.stringify({ case: 'garbage-first', closed: await c.closed }));
process.exit(0);
