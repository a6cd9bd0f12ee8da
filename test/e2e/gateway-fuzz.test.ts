// Fuzzers against a real gateway: ≥10,000 random and mutated frames, before and after the handshake,
// and ≥10,000 raw HTTP requests (request lines, methods, paths, headers, bodies) written with node:net
// so malformed requests really go on the wire. The process must stay up, /health must answer and an
// authenticated connection must keep working.
import crypto from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { cleanup, connectFrame, handshake, makeState, newDevice, newToken, rawConnect, rpc, startGateway, trackSecret, type RunningGateway } from './gateway-harness.js';

const token = newToken();
const webhookSecret = newToken();
let gw: RunningGateway;
const FRAMES = 10_000;
const REQUESTS = 10_000;

beforeAll(async () => {
  // The webhook channel mounts an HTTP route of its own, so the fuzzer reaches the subsystems' handler too.
  const dir = makeState({
    gateway: { mode: 'local', auth: { token }, handshakeTimeoutMs: 2000 },
    channels: { webhook: { url: 'http://127.0.0.1:9/', secret: webhookSecret } },
  });
  trackSecret(webhookSecret);
  gw = await startGateway(dir);
});
afterAll(async () => {
  await gw?.stop();
  await cleanup();
});

/** A seeded generator so a failing run can be replayed (seed printed on failure). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const SAMPLES: unknown[] = [
  { type: 'req', id: '1', method: 'connect', params: {} },
  { type: 'req', id: '2', method: 'health' },
  { type: 'res', id: '3', ok: true },
  { type: 'event', event: 'tick' },
  { type: 'req', id: '4', method: 'config.patch', params: { raw: '{' } },
  { type: 'req', id: '5', method: 'logs.tail', params: { cursor: -5, limit: 1e9, maxBytes: 'x' } },
  { type: 'req', id: '6', method: 'device.pair.approve', params: { requestId: null } },
  { type: 'req', id: '7', method: 'status', params: [1, 2, 3] },
];

function mutate(value: unknown, r: () => number, depth = 0): unknown {
  const weird = [null, true, -1, 1e308, '', '\u0000', 'x'.repeat(300), [], {}, { __proto__: { polluted: 1 } }, NaN, '{"a":'];
  if (depth > 3 || r() < 0.15) return weird[Math.floor(r() * weird.length)];
  if (Array.isArray(value)) return value.map((v) => mutate(v, r, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (r() < 0.1) continue;
      out[r() < 0.05 ? `${k}_` : k] = r() < 0.5 ? mutate(v, r, depth + 1) : v;
    }
    if (r() < 0.1) (out as any).constructor = { prototype: { hacked: true } };
    return out;
  }
  return value;
}

function randomFrame(r: () => number, connect: unknown): string | Buffer {
  const pick = r();
  if (pick < 0.15) return crypto.randomBytes(Math.floor(r() * 512));
  if (pick < 0.3) return crypto.randomBytes(Math.floor(r() * 200)).toString('latin1');
  if (pick < 0.4) return JSON.stringify(SAMPLES[Math.floor(r() * SAMPLES.length)]).slice(0, Math.floor(r() * 40));
  if (pick < 0.7) return JSON.stringify(mutate(connect, r));
  return JSON.stringify(mutate(SAMPLES[Math.floor(r() * SAMPLES.length)], r));
}

describe('frame fuzzer', () => {
  it(`survives ${FRAMES} random and mutated frames without disturbing another connection`, async () => {
    const seed = Number(process.env.FUZZ_SEED) || Date.now();
    const r = rng(seed);
    const observer = await handshake(gw.url, { token, device: newDevice() });
    expect(observer.res.ok).toBe(true);
    const observerClosed = observer.sock.closed;
    let sent = 0;
    let healthChecks = 0;

    // Post-auth fuzzing on one authenticated connection (it may be closed for bad behaviour; reopen).
    const postAuth = async (n: number) => {
      let { sock } = await handshake(gw.url, { token, device: newDevice() });
      for (let i = 0; i < n; i++) {
        if (sock.ws.readyState !== WebSocket.OPEN) ({ sock } = await handshake(gw.url, { token, device: newDevice() }));
        const f = randomFrame(r, { type: 'req', id: String(i), method: 'health', params: {} });
        sock.ws.send(f, { binary: Buffer.isBuffer(f) });
        sent++;
        if (i % 200 === 0) await new Promise((res) => setImmediate(res));
      }
      sock.ws.close();
    };

    // Pre-auth fuzzing: many short-lived sockets, each sent a burst of frames after the challenge.
    const preAuth = async (sockets: number, perSocket: number) => {
      for (let s = 0; s < sockets; s++) {
        const sock = rawConnect(gw.url);
        const { nonce } = await sock.challenge;
        const connect = connectFrame(nonce, { token });
        for (let i = 0; i < perSocket && sock.ws.readyState === WebSocket.OPEN; i++) {
          const f = randomFrame(r, connect);
          sock.ws.send(f, { binary: Buffer.isBuffer(f) });
          sent++;
        }
        sock.ws.terminate();
        if (s % 25 === 0) {
          const h = await rpc(observer.sock, 'health');
          expect(h.ok, `seed ${seed}`).toBe(true);
          healthChecks++;
        }
      }
    };

    await Promise.all([preAuth(300, 20), postAuth(FRAMES - 6000)]);
    while (sent < FRAMES) await postAuth(FRAMES - sent);

    expect(sent).toBeGreaterThanOrEqual(FRAMES);
    expect(healthChecks).toBeGreaterThan(5);
    const h = await rpc(observer.sock, 'health');
    expect(h.ok, `seed ${seed}`).toBe(true);
    expect(gw.proc.exitCode).toBeNull();
    expect(observer.sock.ws.readyState).toBe(WebSocket.OPEN);
    expect(await Promise.race([observerClosed.then(() => 'closed'), new Promise((res) => setTimeout(() => res('open'), 50))])).toBe('open');
    const fresh = await handshake(gw.url, { token });
    expect(fresh.res.ok).toBe(true);
    fresh.sock.ws.close();
    observer.sock.ws.close();
    expect(gw.output()).not.toMatch(/TypeError|RangeError|unexpected failure|method \S+ failed/);
  }, 120_000);
});

// ---- HTTP ----

/** Writes `bytes` on a fresh TCP connection, half-closes, and resolves with the status code the gateway
 * answered (0 when it closed without one). Every socket ends within `timeoutMs`. */
function rawRequest(port: number, bytes: Buffer, timeoutMs = 3000): Promise<number> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    let head = '';
    const timer = setTimeout(() => sock.destroy(), timeoutMs);
    sock.on('connect', () => sock.end(bytes));
    sock.on('data', (d) => {
      if (head.length < 64) head += d.toString('latin1');
    });
    sock.on('error', () => {});
    sock.on('close', () => {
      clearTimeout(timer);
      resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0));
    });
  });
}

async function health(port: number): Promise<number> {
  return rawRequest(port, Buffer.from('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'));
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'get', 'G\u0000T', 'PRI', 'X'.repeat(300), ''];
const TARGETS = [
  '/', '/health', '/healthz/', '/ready', '/readyz', '/v1/models', '/v1/models?x=1', '/channels/webhook', '/channels/webhook/%',
  '/channels/webhook/%E0%A4%A', '/channels/webhook/a%2Fb', '//[', '//', '///health', '//evil/health', '*', 'http://x/health',
  'https://[::1]/ready', 'http://[', 'ftp://x/', '/..%2f..%2fetc/passwd', '/%00', '/\u00e9', '@', '?', '#', `/${'a'.repeat(9000)}`,
  '/\\\\x', '/[::1]', 'http://127.0.0.1:99999/health', ' /health', '/health ', '/he alth',
];
const VERSIONS = ['HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1.1 junk', 'http/1.1', '', 'HTTP/1.1\u0000'];
const HEADERS = [
  'Host: 127.0.0.1',
  'Host:',
  'Host: [',
  `Authorization: Bearer ${'w'.repeat(20)}`,
  'Authorization: Bearer',
  'Authorization: Basic Zm9vOmJhcg==',
  'Authorization: bearer \u00ff\u00fe',
  'Content-Length: 5',
  'Content-Length: -1',
  'Content-Length: abc',
  'Content-Length: 99999999999999999999',
  'Content-Length: 3\r\nContent-Length: 4',
  'Transfer-Encoding: chunked',
  'Transfer-Encoding: gzip, chunked',
  'Transfer-Encoding: chunked\r\nContent-Length: 3',
  'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
  'Upgrade: websocket\r\nConnection: Upgrade',
  'Upgrade: h2c\r\nConnection: Upgrade',
  'Origin: http://127.evil.example',
  'Origin: null',
  'X-Forwarded-For: 10.0.0.1, [',
  'X-Webhook-Secret: nope',
  'Expect: 100-continue',
  'no colon here',
  ': empty name',
  'Bad\u0000Name: x',
  'X-Ctl: a\u0007b\u001b[2J',
  ' folded: continuation',
  `X-Big: ${'b'.repeat(20_000)}`,
  'Connection: keep-alive',
  'Connection: close',
];
const BODIES = [
  '',
  '{}',
  '{"from":"u1","text":"hi"}',
  '{"from":',
  '5\r\nhello\r\n0\r\n\r\n',
  'zz\r\nbad chunk\r\n',
  '0\r\n\r\n',
  'x'.repeat(5000),
];

const GOOD_TARGETS = ['/health', '/healthz', '/ready', '/readyz/', '/v1/models', '/channels/webhook', '/channels/webhook/default', '/nope', '/health?x=1'];
const GOOD_HEADERS = [`Authorization: Bearer ${'w'.repeat(20)}`, 'Origin: http://127.0.0.1', 'Accept: */*', 'User-Agent: fuzz', 'X-Webhook-Secret: nope', 'Connection: close'];

/** A well-formed request with fuzzed choices: exercises the routes rather than the parser. */
function plausibleRequest(r: () => number): Buffer {
  const body = r() < 0.5 ? '' : pick(r, ['{}', '{"from":"u1","text":"hi"}', '{"from":', 'x'.repeat(300)]);
  const method = body ? pick(r, ['POST', 'PUT', 'PATCH']) : pick(r, ['GET', 'HEAD', 'GET', 'DELETE', 'OPTIONS']);
  const headers = ['Host: 127.0.0.1', ...Array.from({ length: Math.floor(r() * 3) }, () => pick(r, GOOD_HEADERS)), `Content-Length: ${Buffer.byteLength(body)}`];
  return Buffer.from(`${method} ${pick(r, GOOD_TARGETS)} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n${body}`);
}

function randomRequest(r: () => number): Buffer {
  if (r() < 0.4) return plausibleRequest(r);
  const eol = r() < 0.9 ? '\r\n' : pick(r, ['\n', '\r', '\r\r\n']);
  if (r() < 0.05) return crypto.randomBytes(1 + Math.floor(r() * 400));
  const line = r() < 0.05 ? crypto.randomBytes(Math.floor(r() * 60)).toString('latin1') : `${pick(r, METHODS)} ${pick(r, TARGETS)} ${pick(r, VERSIONS)}`;
  const headers = Array.from({ length: Math.floor(r() * 5) }, () => pick(r, HEADERS));
  const body = pick(r, BODIES);
  // Mostly complete requests; sometimes cut anywhere (the socket half-closes right after).
  const text = `${line}${eol}${headers.map((h) => `${h}${eol}`).join('')}${eol}${body}`;
  const whole = Buffer.from(text, 'latin1');
  return r() < 0.1 ? whole.subarray(0, Math.floor(r() * whole.length)) : whole;
}

describe('HTTP', () => {
  it("a request target URL parsing rejects ('//[') gets 400 and the gateway stays up", async () => {
    expect(await rawRequest(gw.port, Buffer.from('GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'))).toBe(400);
    expect(await rawRequest(gw.port, Buffer.from('GET * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'))).toBe(400);
    expect(await health(gw.port)).toBe(200);
    expect(gw.proc.exitCode).toBeNull();
  });

  it('a request the HTTP parser refuses gets a status line, not a reset', async () => {
    expect(await rawRequest(gw.port, Buffer.from('GET /health HTTP/1.1\r\nBad\u0000Name: x\r\n\r\n'))).toBe(400);
    expect(await rawRequest(gw.port, Buffer.from(`GET /health HTTP/1.1\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`))).toBe(431);
    expect(await rawRequest(gw.port, Buffer.from('GET /channels/webhook/% HTTP/1.1\r\nHost: x\r\n\r\n'))).toBe(405);
    expect(await rawRequest(gw.port, Buffer.from('POST /channels/webhook/% HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n'))).toBe(400);
  });

  it(`survives ${REQUESTS} seeded raw requests; /health and a real client work after every batch`, async () => {
    const seed = Number(process.env.FUZZ_SEED) || Date.now();
    const r = rng(seed);
    const BATCH = 100;
    const statuses = new Map<number, number>();
    let sent = 0;
    for (let b = 0; sent < REQUESTS; b++) {
      const batch = Array.from({ length: BATCH }, () => randomRequest(r));
      const results = await Promise.all(batch.map((bytes) => rawRequest(gw.port, bytes)));
      for (const st of results) statuses.set(st, (statuses.get(st) ?? 0) + 1);
      sent += batch.length;
      expect(await health(gw.port), `seed ${seed}, batch ${b}`).toBe(200);
      if (b % 10 === 0) {
        const probe = await handshake(gw.url, { token });
        expect(probe.res.ok, `seed ${seed}, batch ${b}`).toBe(true);
        probe.sock.ws.close();
      }
      expect(gw.proc.exitCode, `seed ${seed}`).toBeNull();
    }
    const probe = await handshake(gw.url, { token });
    expect(probe.res.ok, `seed ${seed}`).toBe(true);
    probe.sock.ws.close();
    expect(sent).toBeGreaterThanOrEqual(REQUESTS);
    // The mix really exercised both sides: routes answered and malformed requests were refused.
    const seen = `seed ${seed}: ${JSON.stringify([...statuses])}`;
    expect(statuses.get(200) ?? 0, seen).toBeGreaterThan(500);
    expect(statuses.get(400) ?? 0, seen).toBeGreaterThan(500);
    expect(statuses.get(500) ?? 0, seen).toBe(0);
    expect(gw.output()).not.toMatch(/TypeError|RangeError|URIError|failed: "/);
  }, 120_000);
});
