// Plain HTTP on the gateway port (reference §3): liveness, readiness, the model list; 405/404 otherwise.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLoopbackHost } from '../config/gateway-settings.js';
import { requestPath } from '../system/request-target.js';
import { authSubject, lockedFor, recordAuthFailure, recordAuthSuccess } from './rate-limit.js';
import type { RouteAuthLimit } from '../subsystems/channels/webhook.js';
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

/** Seconds for a Retry-After header (at least 1). */
const retryAfterSeconds = (ms: number) => String(Math.max(1, Math.ceil(ms / 1000)));

type BearerResult = 'ok' | 'absent' | 'wrong' | { lockedMs: number };

/**
 * Checks a Bearer credential against the gateway's shared secret through the same failed-auth
 * limiter, keys and config as the WebSocket connect (rate-limit.ts `authSubject`): a wrong secret
 * counts, a locked-out client is refused before its secret is even compared.
 */
function checkBearer(rt: Runtime, req: IncomingMessage): BearerResult {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (!m) return 'absent';
  const secret = rt.settings.authMode === 'password' ? rt.settings.password : rt.settings.token;
  if (!secret) return 'wrong';
  const subject = authSubject(rt, remoteIpOf(req));
  const lockedMs = lockedFor(subject);
  if (lockedMs > 0) return { lockedMs };
  if (secretEquals(m[1].trim(), secret)) {
    recordAuthSuccess(subject);
    return 'ok';
  }
  if (rt.metrics) rt.metrics.authFailures++;
  if (recordAuthFailure(subject) && rt.metrics) rt.metrics.lockouts++;
  return 'wrong';
}

/** The failed-auth limiter for a route with a secret of its own (the webhook channel's), in `scope`. */
export function routeAuthLimit(rt: Runtime, scope: string): RouteAuthLimit {
  const subject = (req: IncomingMessage) => authSubject(rt, remoteIpOf(req), undefined, scope);
  return {
    lockedMs: (req) => lockedFor(subject(req)),
    failed: (req) => recordAuthFailure(subject(req)),
    succeeded: (req) => recordAuthSuccess(subject(req)),
  };
}

function sendRateLimited(res: ServerResponse, lockedMs: number, head: boolean): void {
  send(res, 429, { error: { message: 'too many failed authentication attempts (retry later)', type: 'rate_limited' } }, head, { 'retry-after': retryAfterSeconds(lockedMs) });
}

export function handleHttp(rt: Runtime, req: IncomingMessage, res: ServerResponse): void {
  const head = req.method === 'HEAD';
  const path = requestPath(req.url);
  if (path === undefined) return send(res, 400, { error: 'bad request target' }, head, { connection: 'close' });
  switch (path) {
    case '/health':
    case '/healthz':
      if (req.method !== 'GET' && !head) return send(res, 405, { error: 'method not allowed' }, false, { allow: 'GET, HEAD' });
      return send(res, 200, { ok: true, status: 'live' }, head);
    case '/ready':
    case '/readyz': {
      if (req.method !== 'GET' && !head) return send(res, 405, { error: 'method not allowed' }, false, { allow: 'GET, HEAD' });
      const bearer = checkBearer(rt, req);
      if (typeof bearer === 'object') return sendRateLimited(res, bearer.lockedMs, head);
      const failing: string[] = [];
      const ready = failing.length === 0;
      const detailed = bearer === 'ok' || isLoopbackHost(remoteIpOf(req));
      const body = detailed ? { ready, failing, uptimeMs: Date.now() - rt.startedAtMs } : { ready };
      return send(res, ready ? 200 : 503, body, head);
    }
    case '/v1/models': {
      if (req.method !== 'GET' && !head) return send(res, 405, { error: { message: 'method not allowed', type: 'invalid_request_error' } }, false, { allow: 'GET, HEAD' });
      const bearer = rt.settings.authMode === 'none' ? 'ok' : checkBearer(rt, req);
      if (typeof bearer === 'object') return sendRateLimited(res, bearer.lockedMs, head);
      if (bearer !== 'ok') {
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
      // Open on loopback (a local Prometheus or node_exporter); elsewhere the same Bearer check (and limiter) as /v1/models.
      if (!isLoopbackHost(remoteIpOf(req)) && rt.settings.authMode !== 'none') {
        const bearer = checkBearer(rt, req);
        if (typeof bearer === 'object') return sendRateLimited(res, bearer.lockedMs, head);
        if (bearer !== 'ok') return send(res, 401, { error: 'unauthorized' }, head, { 'www-authenticate': 'Bearer' });
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
