// A plain TCP connect: is anything listening on the gateway port? The port lookup uses it to skip
// ss/lsof when nothing is there (the gateway itself is probed by src/client/probe.ts).
import net from 'node:net';

export function tcpConnect(host: string, port: number, timeoutMs: number): Promise<{ open: boolean; code?: string }> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (r: { open: boolean; code?: string }) => {
      socket.destroy();
      resolve(r);
    };
    socket.setTimeout(timeoutMs, () => done({ open: false, code: 'ETIMEDOUT' }));
    socket.once('connect', () => done({ open: true }));
    socket.once('error', (err: NodeJS.ErrnoException) => done({ open: false, code: err.code }));
  });
}
