// The pre-auth frame limit on a real gateway: an unauthenticated frame over 64 KiB is refused from its
// header (1009 'preauth payload too large') before its body is read, the gateway keeps serving, and
// after hello-ok frames up to the policy maxPayload work. Memory under a flood: bench/preauth-flood.mjs.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { frameHeader, rawWebSocket, type ServerFrame } from '../../scripts/raw-ws.mjs';
import { cleanup, handshake, makeState, newDevice, newToken, rpc, startGateway, type RunningGateway } from './gateway-harness.js';

const token = newToken();
let gw: RunningGateway;

beforeAll(async () => {
  gw = await startGateway(makeState({ gateway: { mode: 'local', auth: { token }, handshakeTimeoutMs: 8000 } }));
});
afterAll(async () => {
  await gw?.stop();
  await cleanup();
});

/** A hand-spoken WebSocket that has read the challenge; nextFrame waits for a frame of one opcode. */
async function rawWs(port: number) {
  const frames: ServerFrame[] = [];
  const wake: Array<() => void> = [];
  const { sock } = rawWebSocket(port, (f) => {
    frames.push(f);
    wake.splice(0).forEach((w) => w());
  });
  sock.on('close', () => wake.splice(0).forEach((w) => w()));
  const nextFrame = async (opcode: number, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const f = frames.find((x) => x.opcode === opcode);
      if (f || sock.destroyed || Date.now() > deadline) return f;
      await new Promise<void>((res) => {
        wake.push(res);
        setTimeout(res, Math.max(1, deadline - Date.now())).unref();
      });
    }
  };
  const challenge = await nextFrame(0x1, 3000);
  expect(challenge?.payload.toString()).toContain('connect.challenge');
  return { sock, nextFrame };
}

describe('pre-auth payload limit', () => {
  it('a frame announcing 25 MB is refused from its header: 1009 before its body arrives', async () => {
    const { sock, nextFrame } = await rawWs(gw.port);
    sock.write(Buffer.concat([frameHeader(25 * 1024 * 1024, crypto.randomBytes(4)), crypto.randomBytes(1024)]));
    // The body never comes: a gateway that waits to buffer it answers nothing until the handshake timeout.
    const close = await nextFrame(0x8, 3000);
    sock.destroy();
    expect(close, 'no close frame within 3 s').toBeDefined();
    expect(close!.payload.readUInt16BE(0)).toBe(1009);
    expect(close!.payload.subarray(2).toString()).toBe('preauth payload too large');
    await expect.poll(() => gw.output(), { timeout: 3000 }).toMatch(/closed before connect .*code=1009 reason=preauth payload too large/);
  });

  it('the gateway keeps serving after refusing oversized pre-auth frames', async () => {
    const socks = await Promise.all(Array.from({ length: 10 }, () => rawWs(gw.port)));
    for (const s of socks) s.sock.write(Buffer.concat([frameHeader(25 * 1024 * 1024, crypto.randomBytes(4)), crypto.randomBytes(64 * 1024)]));
    const closes = await Promise.all(socks.map((s) => s.nextFrame(0x8, 3000)));
    for (const s of socks) s.sock.destroy();
    expect(closes.map((c) => c?.payload.readUInt16BE(0))).toEqual(Array(10).fill(1009));
    const res = await fetch(`http://127.0.0.1:${gw.port}/health`);
    expect(res.status).toBe(200);
    const fresh = await handshake(gw.url, { token });
    expect(fresh.res.ok).toBe(true);
    fresh.sock.ws.close();
    expect(gw.proc.exitCode).toBeNull();
  });

  it('exactly 64 KiB before auth is still read (and refused only as a bad first frame)', async () => {
    const { sock, nextFrame } = await rawWs(gw.port);
    const body = Buffer.alloc(64 * 1024, 0x20);
    const h = frameHeader(body.length, crypto.randomBytes(4));
    const mask = h.subarray(10, 14);
    for (let i = 0; i < body.length; i++) body[i] ^= mask[i % 4];
    sock.write(Buffer.concat([h, body]));
    const close = await nextFrame(0x8, 3000);
    sock.destroy();
    expect(close!.payload.readUInt16BE(0)).toBe(1008);
  });

  it('after hello-ok a frame over 64 KiB (under the policy maxPayload) is accepted', async () => {
    const { sock, res } = await handshake(gw.url, { token, device: newDevice() });
    expect(res.ok).toBe(true);
    expect(res.payload.policy.maxPayload).toBeGreaterThan(1024 * 1024);
    const big = await rpc(sock, 'health', { padding: 'p'.repeat(1024 * 1024) });
    expect(big.type).toBe('res');
    expect(sock.ws.readyState).toBe(WebSocket.OPEN);
    const after = await rpc(sock, 'health');
    expect(after.ok).toBe(true);
    sock.ws.close();
  });
});
