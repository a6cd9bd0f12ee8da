// A frame fuzzer against a real gateway: ≥10,000 random and mutated frames, before and after the
// handshake. The process must stay up and an unrelated authenticated connection must keep working.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { cleanup, connectFrame, handshake, makeState, newDevice, newToken, rawConnect, rpc, startGateway, type RunningGateway } from './gateway-harness.js';

const token = newToken();
let gw: RunningGateway;
const FRAMES = 10_000;

beforeAll(async () => {
  const dir = makeState({ gateway: { mode: 'local', auth: { token }, handshakeTimeoutMs: 2000 } });
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
