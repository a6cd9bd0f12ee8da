// A WebSocket spoken by hand over node:net, for the tests and benchmarks that must put on the wire
// what the ws library would never send (a header announcing 25 MB followed by 1 KB of it).
import crypto from 'node:crypto';
import net from 'node:net';

/**
 * Connects to 127.0.0.1:port, upgrades, then calls onFrame({opcode, payload}) for every server frame
 * (server frames are unmasked: opcode, 7/16/64-bit length, payload). `upgraded` resolves after the
 * 101 head; it never resolves if the server refuses the upgrade (the socket closes instead).
 */
export function rawWebSocket(port, onFrame) {
  const sock = net.connect({ host: '127.0.0.1', port });
  sock.on('error', () => {});
  sock.write(
    `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}\r\n\r\n`,
  );
  let buf = Buffer.alloc(0);
  let head = true;
  let onUpgrade;
  const upgraded = new Promise((resolve) => (onUpgrade = resolve));
  sock.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    if (head) {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      head = false;
      buf = buf.subarray(end + 4);
      onUpgrade();
    }
    for (;;) {
      if (buf.length < 2) return;
      let len = buf[1] & 0x7f;
      let off = 2;
      if (len === 126) {
        if (buf.length < 4) return;
        [len, off] = [buf.readUInt16BE(2), 4];
      } else if (len === 127) {
        if (buf.length < 10) return;
        [len, off] = [Number(buf.readBigUInt64BE(2)), 10];
      }
      if (buf.length < off + len) return;
      onFrame({ opcode: buf[0] & 0x0f, payload: buf.subarray(off, off + len) });
      buf = buf.subarray(off + len);
    }
  });
  return { sock, upgraded };
}

/** A client text-frame header (FIN, 64-bit length) announcing `length` bytes, masked with `mask`. */
export function frameHeader(length, mask = Buffer.alloc(4)) {
  const h = Buffer.alloc(14);
  h[0] = 0x81;
  h[1] = 0x80 | 127;
  h.writeBigUInt64BE(BigInt(length), 2);
  mask.copy(h, 10);
  return h;
}
