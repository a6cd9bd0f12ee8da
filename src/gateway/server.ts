// The listening gateway: one port for HTTP and WebSocket, tick events, broadcast, orderly shutdown.
import http from 'node:http';
import type { WebSocketServer } from 'ws';
import { CLOSE } from '../protocol/errors.js';
import { PREAUTH_MAX_BYTES } from '../protocol/constants.js';
import { guardEntry } from './entry-guard.js';
import { handleHttp } from './http.js';
import type { Runtime } from './runtime.js';

export interface RunningServer {
  port: number;
  /** Sends `shutdown`, closes every socket with 1012, stops listening. */
  stop(reason: string, restartExpectedMs?: number): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(`EADDRINUSE ${host}:${port}`);
  }
}

const LISTEN_RETRIES = 4;
const LISTEN_RETRY_MS = 250;

function listenOnce(server: http.Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ host, port, exclusive: true });
  });
}

/** A request whose handler threw: 500 if nothing was sent yet, and that connection closes. */
function failRequest(res: http.ServerResponse): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
  res.end('{"error":"internal error"}');
}

export async function startServer(rt: Runtime): Promise<RunningServer> {
  const { host } = rt.settings;
  const server = http.createServer((req, res) =>
    guardEntry(rt.log, `http ${req.method} request`, () => handleHttp(rt, req, res), () => failRequest(res)),
  );
  server.keepAliveTimeout = 5000;
  // ws (with tls/zlib behind it) and the protocol handler load on the first upgrade: an idle gateway
  // starts faster and smaller.
  let wss: WebSocketServer | undefined;
  let wssLoading: Promise<WebSocketServer> | undefined;
  let handleConnection: typeof import('./connection.js').handleConnection;
  const loadWss = () =>
    (wssLoading ??= Promise.all([import('ws'), import('./connection.js')]).then(([{ WebSocketServer }, conn]) => {
      handleConnection = conn.handleConnection;
      // The pre-auth limit: raised per connection after hello-ok (connection.ts, ws-receiver.ts).
      return (wss = new WebSocketServer({ noServer: true, maxPayload: PREAUTH_MAX_BYTES, perMessageDeflate: false }));
    }));
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const drop = () => socket.destroy();
    guardEntry(
      rt.wsLog,
      'websocket upgrade',
      () => loadWss().then((w) => w.handleUpgrade(req, socket, head, (ws) => guardEntry(rt.wsLog, 'websocket connection', () => handleConnection(rt, ws, req), () => ws.terminate()))),
      drop,
    );
  });
  // A request node's parser refuses (bad request line, header, chunking…) gets a status, then the
  // socket closes; nothing of it reaches a handler.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
    setTimeout(() => socket.destroy(), 1000).unref(); // a peer that does not read must not keep it
  });

  for (let attempt = 0; ; attempt++) {
    try {
      await listenOnce(server, host, rt.settings.port);
      break;
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code !== 'EADDRINUSE') throw err;
      if (attempt >= LISTEN_RETRIES) throw new PortInUseError(host, rt.settings.port);
      await new Promise((r) => setTimeout(r, LISTEN_RETRY_MS));
    }
  }
  const port = (server.address() as { port: number }).port;
  rt.settings.port = port;

  const tick = setInterval(() => rt.broadcast('tick', { ts: Date.now() }), rt.settings.tickIntervalMs);
  tick.unref();

  return {
    port,
    async stop(reason, restartExpectedMs) {
      clearInterval(tick);
      const payload: Record<string, unknown> = { reason };
      if (restartExpectedMs !== undefined) payload.restartExpectedMs = restartExpectedMs;
      rt.broadcast('shutdown', payload);
      for (const c of rt.connections.values()) c.close(CLOSE.SERVICE_RESTART, 'service restart');
      for (const ws of wss?.clients ?? []) if (ws.readyState === ws.OPEN) ws.close(CLOSE.SERVICE_RESTART, 'service restart');
      await new Promise<void>((resolve) => {
        const hard = setTimeout(() => {
          for (const ws of wss?.clients ?? []) ws.terminate();
          server.closeAllConnections();
        }, 1000);
        hard.unref();
        server.close(() => {
          clearTimeout(hard);
          resolve();
        });
        server.closeIdleConnections();
      });
      wss?.close();
    },
  };
}
