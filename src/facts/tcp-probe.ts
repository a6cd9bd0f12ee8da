// The fallback gateway prober for builds without the gateway client: a plain TCP connect. Nothing
// listening is reported as `refused` in milliseconds; a listener is reported as open but unverified
// (code NO_CLIENT), so checks neither trust nor blame it.
import net from 'node:net';
import type { ProbeOptions, ProbeResult } from '../client/types.js';

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

export async function tcpProbe(opts: ProbeOptions): Promise<ProbeResult> {
  const started = performance.now();
  const url = new URL(opts.url);
  const port = Number(url.port || (url.protocol === 'wss:' ? 443 : 80));
  const r = await tcpConnect(url.hostname.replace(/^\[|\]$/g, ''), port, opts.timeoutMs ?? 1500);
  const durationMs = Math.round(performance.now() - started);
  if (r.open) {
    return {
      ok: false,
      url: opts.url,
      durationMs,
      connect: { ok: false, rpcOk: false, error: { kind: 'error', code: 'NO_CLIENT', message: 'the port is open, but this build has no gateway client to complete a handshake' } },
      warnings: ['handshake not attempted (no gateway client)'],
    };
  }
  const kind = r.code === 'ECONNREFUSED' ? 'refused' : r.code === 'ETIMEDOUT' ? 'timeout' : 'error';
  return { ok: false, url: opts.url, durationMs, connect: { ok: false, rpcOk: false, error: { kind, message: `connect ${r.code ?? 'failed'} ${url.host}` } }, warnings: [] };
}
