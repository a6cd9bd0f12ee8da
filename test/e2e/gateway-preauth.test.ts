// The pre-auth frame limit on a real gateway: an unauthenticated frame over 64 KiB is refused from its
// header (1009 'preauth payload too large') before its body is read, the gateway keeps serving, and
// after hello-ok frames up to the policy maxPayload work. Memory under a flood: bench/preauth-flood.mjs.
import crypto from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
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

interface ServerFrame {
  opcode: number;
  payload: Buffer;
}

/** A WebSocket spoken by hand over node:net, so a frame can announce 25 MB and send 1 KB of it. */
async function rawWs(port: number): Promise<{ sock: net.Socket; frames: ServerFrame[]; nextFrame(opcode: number, timeoutMs: number): Promise<ServerFrame | undefined> }> {
  const sock = net.connect({ host: '127.0.0.1', port });
  sock.on('error', () => {});
  const key = crypto.randomBytes(16).toString('base64');
  sock.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${key}\r\n\r\n`);
  let buf = Buffer.alloc(0);
  let upgraded = false;
  const frames: ServerFrame[] = [];
  const wake: Array<() => void> = [];
  sock.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    if (!upgraded) {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      upgraded = true;
      buf = buf.subarray(end + 4);
    }
    // Server frames are unmasked: opcode, 7/16/64-bit length, payload.
    for (;;) {
      if (buf.length < 2) break;
      let len = buf[1] & 0x7f;
      let off = 2;
      if (len === 126) {
        if (buf.length < 4) break;
        len = buf.readUInt16BE(2);
        off = 4;
      } else if (len === 127) {
        if (buf.length < 10) break;
        len = Number(buf.readBigUInt64BE(2));
        off = 10;
      }
      if (buf.length < off + len) break;
      frames.push({ opcode: buf[0] & 0x0f, payload: buf.subarray(off, off + len) });
      buf = buf.subarray(off + len);
    }
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
  return { sock, frames, nextFrame };
}

/** A masked client text-frame header announcing `length` bytes. */
function frameHeader(length: number): Buffer {
  const h = Buffer.alloc(14);
  h[0] = 0x81;
  h[1] = 0x80 | 127;
  h.writeBigUInt64BE(BigInt(length), 2);
  crypto.randomBytes(4).copy(h, 10);
  return h;
}

describe('pre-auth payload limit', () => {
  it('a frame announcing 25 MB is refused from its header: 1009 before its body arrives', async () => {
    const { sock, nextFrame } = await rawWs(gw.port);
    sock.write(Buffer.concat([frameHeader(25 * 1024 * 1024), crypto.randomBytes(1024)]));
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
    for (const s of socks) s.sock.write(Buffer.concat([frameHeader(25 * 1024 * 1024), crypto.randomBytes(64 * 1024)]));
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
    const h = frameHeader(body.length);
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
