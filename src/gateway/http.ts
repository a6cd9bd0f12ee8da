// Plain HTTP on the gateway port (reference §3): liveness, readiness, the model list; 405/404 otherwise.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLoopbackHost } from '../config/gateway-settings.js';
import type { Runtime } from './runtime.js';
import { secretEquals } from './secret.js';
import { quotePeer } from '../system/untrusted-text.js';

/** The peer address without the IPv4-mapped prefix. */
export function remoteIpOf(req: IncomingMessage): string {
  const ip = req.socket.remoteAddress ?? 'unknown';
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}

function send(res: ServerResponse, status: number, body: unknown, head = false, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...extra });
  res.end(head ? undefined : text);
}

/** True when the request carries the gateway's shared secret as a Bearer token. */
function bearerOk(rt: Runtime, req: IncomingMessage): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (!m) return false;
  const secret = rt.settings.authMode === 'password' ? rt.settings.password : rt.settings.token;
  return Boolean(secret) && secretEquals(m[1].trim(), secret!);
}

export function handleHttp(rt: Runtime, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://gateway');
  const head = req.method === 'HEAD';
  const path = url.pathname.replace(/\/+$/, '') || '/';
  switch (path) {
    case '/health':
    case '/healthz':
      if (req.method !== 'GET' && !head) return send(res, 405, { error: 'method not allowed' }, false, { allow: 'GET, HEAD' });
      return send(res, 200, { ok: true, status: 'live' }, head);
    case '/ready':
    case '/readyz': {
      if (req.method !== 'GET' && !head) return send(res, 405, { error: 'method not allowed' }, false, { allow: 'GET, HEAD' });
      const failing: string[] = [];
      const ready = failing.length === 0;
      const detailed = isLoopbackHost(remoteIpOf(req)) || bearerOk(rt, req);
      const body = detailed ? { ready, failing, uptimeMs: Date.now() - rt.startedAtMs } : { ready };
      return send(res, ready ? 200 : 503, body, head);
    }
    case '/v1/models': {
      if (req.method !== 'GET' && !head) return send(res, 405, { error: { message: 'method not allowed', type: 'invalid_request_error' } }, false, { allow: 'GET, HEAD' });
      if (rt.settings.authMode !== 'none' && !bearerOk(rt, req)) {
        return send(res, 401, { error: { message: 'unauthorized', type: 'invalid_request_error' } }, head, { 'www-authenticate': 'Bearer' });
      }
      const providers = ((rt.settings.config.models as any)?.providers ?? {}) as Record<string, { models?: Array<{ id?: string }> }>;
      const data = Object.entries(providers).flatMap(([name, p]) =>
        (p?.models ?? []).filter((m) => m?.id).map((m) => ({ id: `${name}/${m.id}`, object: 'model', created: 0, owned_by: name })),
      );
      return send(res, 200, { object: 'list', data }, head);
    }
    case '/metrics':
      if (req.method !== 'GET' && !head) return send(res, 405, { error: 'method not allowed' }, false, { allow: 'GET, HEAD' });
      // Open on loopback (a local Prometheus or node_exporter); elsewhere the same Bearer check as /v1/models.
      if (!isLoopbackHost(remoteIpOf(req)) && rt.settings.authMode !== 'none' && !bearerOk(rt, req)) {
        return send(res, 401, { error: 'unauthorized' }, head, { 'www-authenticate': 'Bearer' });
      }
      void import('./metrics-registry.js')
        .then((m) => m.serveMetrics(rt, res, head))
        .catch((err) => {
          rt.log.error(`http /metrics failed: ${(err as Error).message}`);
          if (!res.headersSent) send(res, 500, { error: 'internal error' });
        });
      return;
    default:
      // Channel routes (the webhook channel's inbound POSTs) come before the 404.
      if (!rt.subsystems) return send(res, 404, { error: 'not found' }, head);
      void rt.subsystems
        .handleHttp(req, res)
        .then((handled) => {
          if (!handled) send(res, 404, { error: 'not found' }, head);
        })
        .catch((err) => {
          rt.log.error(`http ${quotePeer(path)} failed: ${(err as Error).message}`);
          if (!res.headersSent) send(res, 500, { error: 'internal error' });
        });
      return;
  }
}
