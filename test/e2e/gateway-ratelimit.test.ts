// Failed-auth rate limiting on a real gateway: lockout after maxAttempts, loopback exempt by default,
// HTTP Bearer checks in the same limiter as the WebSocket connect, and the browser-Origin keying.
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, handshake, makeState, newDevice, newToken, startGateway, trackSecret, waitFor, type RunningGateway } from './gateway-harness.js';

afterAll(cleanup);

async function attempt(url: string, token: string, headers: Record<string, string> = {}) {
  const { res, sock } = await handshake(url, { token }, headers);
  sock.ws.close();
  return res;
}

async function http(gw: RunningGateway, path: string, bearer?: string) {
  const res = await fetch(`http://127.0.0.1:${gw.port}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {}, signal: AbortSignal.timeout(5000) });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any };
}

describe('failed-auth rate limit', () => {
  it('locks a client out after maxAttempts failures, even with the right token', async () => {
    const token = newToken();
    const dir = makeState({ gateway: { mode: 'local', auth: { token, rateLimit: { maxAttempts: 3, windowMs: 60_000, lockoutMs: 300_000, exemptLoopback: false } } } });
    const gw = await startGateway(dir);
    for (let i = 0; i < 3; i++) expect((await attempt(gw.url, 'wrong-token')).error.details.code).toBe('AUTH_TOKEN_MISMATCH');
    const locked = await attempt(gw.url, token);
    expect(locked.ok).toBe(false);
    expect(locked.error.message).toBe('unauthorized: too many failed authentication attempts (retry later)');
    expect(locked.error.details).toMatchObject({ code: 'AUTH_RATE_LIMITED', recommendedNextStep: 'wait_then_retry' });
    expect(locked.error.retryAfterMs).toBeGreaterThan(290_000);
    await waitFor(() => gw.output().includes('reason=rate_limited'), 3000, 'rate-limited log line');
    await gw.stop();
  });

  it('exempts loopback by default (10 failures, then the right token works)', async () => {
    const token = newToken();
    const dir = makeState({ gateway: { mode: 'local', auth: { token } } });
    const gw = await startGateway(dir);
    for (let i = 0; i < 12; i++) expect((await attempt(gw.url, 'wrong-token')).ok).toBe(false);
    expect((await attempt(gw.url, token)).ok).toBe(true);
    await gw.stop();
  });

  it('password mode: missing and mismatched password codes', async () => {
    const password = newToken();
    const dir = makeState({ gateway: { mode: 'local', auth: { mode: 'password', password } } });
    const gw = await startGateway(dir);
    const missing = await handshake(gw.url, { device: newDevice() });
    expect(missing.res.error.details.code).toBe('AUTH_PASSWORD_MISSING');
    missing.sock.ws.close();
    const { res, sock } = await handshake(gw.url, { password: 'nope' });
    expect(res.error.details.code).toBe('AUTH_PASSWORD_MISMATCH');
    sock.ws.close();
    const ok = await handshake(gw.url, { password });
    expect(ok.res.ok).toBe(true);
    ok.sock.ws.close();
    await gw.stop();
  });
});

describe('HTTP Bearer checks share the failed-auth limiter', () => {
  it('wrong Bearer tokens on /v1/models and /ready lock the client out with 429 + Retry-After, WS included', async () => {
    const token = newToken();
    const gw = await startGateway(makeState({ gateway: { mode: 'local', auth: { token, rateLimit: { exemptLoopback: false } } } }));
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await http(gw, i % 2 ? '/ready' : '/v1/models', 'wrong-token')).status);
    // /ready answers its public body to a wrong token; /v1/models says 401. None of them is a 429 yet.
    expect(statuses).toEqual([401, 200, 401, 200, 401, 200, 401, 200, 401, 200]);
    const locked = await http(gw, '/v1/models', 'wrong-token');
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBeGreaterThan(290);
    expect(locked.body.error.type).toBe('rate_limited');
    // Locked means locked: the right token is refused on HTTP and on the WebSocket (same key).
    expect((await http(gw, '/v1/models', token)).status).toBe(429);
    expect((await http(gw, '/ready', token)).status).toBe(429);
    expect((await attempt(gw.url, token)).error.details.code).toBe('AUTH_RATE_LIMITED');
    // Routes without credentials are not part of it.
    expect((await http(gw, '/health')).status).toBe(200);
    await gw.stop();
  });

  it('WS and HTTP failures add up in one window', async () => {
    const token = newToken();
    const gw = await startGateway(makeState({ gateway: { mode: 'local', auth: { token, rateLimit: { maxAttempts: 6, exemptLoopback: false } } } }));
    for (let i = 0; i < 3; i++) expect((await attempt(gw.url, 'wrong-token')).error.details.code).toBe('AUTH_TOKEN_MISMATCH');
    for (let i = 0; i < 3; i++) expect((await http(gw, '/v1/models', 'wrong-token')).status).toBe(401);
    expect((await http(gw, '/v1/models', token)).status).toBe(429);
    await gw.stop();
  });

  it('loopback stays exempt by default on HTTP too: 30 wrong tokens, then the right one works', async () => {
    const token = newToken();
    const gw = await startGateway(makeState({ gateway: { mode: 'local', auth: { token } } }));
    for (let i = 0; i < 30; i++) expect((await http(gw, '/v1/models', 'wrong-token')).status).toBe(401);
    expect((await http(gw, '/v1/models', token)).status).toBe(200);
    await gw.stop();
  });
});

describe('webhook channel secret', () => {
  it('wrong account secrets are limited in a scope of their own: 429 after maxAttempts, the gateway token unaffected', async () => {
    const token = newToken();
    const secret = newToken();
    trackSecret(secret);
    const gw = await startGateway(
      makeState({ gateway: { mode: 'local', auth: { token, rateLimit: { maxAttempts: 5, exemptLoopback: false } } }, channels: { webhook: { url: 'http://127.0.0.1:9/', secret } } }),
    );
    const post = async (given: string) => {
      const res = await fetch(`http://127.0.0.1:${gw.port}/channels/webhook`, {
        method: 'POST',
        headers: { authorization: `Bearer ${given}`, 'content-type': 'application/json' },
        body: JSON.stringify({ from: 'u1', text: 'hi' }),
        signal: AbortSignal.timeout(5000),
      });
      await res.arrayBuffer();
      return { status: res.status, retryAfter: res.headers.get('retry-after') };
    };
    for (let i = 0; i < 5; i++) expect((await post('wrong-secret')).status).toBe(401);
    const locked = await post(secret);
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBeGreaterThan(290);
    expect((await http(gw, '/v1/models', token)).status).toBe(200);
    expect((await attempt(gw.url, token)).ok).toBe(true);
    await gw.stop();
  });
});

describe('browser Origin limiter', () => {
  // dangerouslyDisableDeviceAuth lets a deviceless browser connect with the token, so "not locked out"
  // shows as a plain hello-ok.
  const config = (token: string, exemptLoopback: boolean) => ({
    gateway: { mode: 'local', auth: { token, rateLimit: { exemptLoopback } }, controlUi: { dangerouslyDisableDeviceAuth: true } },
  });

  it('10 failures from a local page lock that origin out, the right token included (as 2026.9.6 does)', async () => {
    const token = newToken();
    const gw = await startGateway(makeState(config(token, true)));
    const origin = `http://127.0.0.1:${gw.port}`;
    for (let i = 0; i < 10; i++) expect((await attempt(gw.url, 'wrong-token', { origin })).error.details.code).toBe('AUTH_TOKEN_MISMATCH');
    expect((await attempt(gw.url, token, { origin })).error.details.code).toBe('AUTH_RATE_LIMITED');
    // The same origin spelled differently is the same key.
    expect((await attempt(gw.url, token, { origin: `HTTP://127.0.0.1:${gw.port}/` })).error.details.code).toBe('AUTH_RATE_LIMITED');
    await gw.stop();
  });

  it("someone else's browser failures do not lock out the CLI or another origin, even without the loopback exemption", async () => {
    const token = newToken();
    const gw = await startGateway(makeState(config(token, false)));
    const origin = `http://127.0.0.1:${gw.port}`;
    for (let i = 0; i < 10; i++) expect((await attempt(gw.url, 'wrong-token', { origin })).ok).toBe(false);
    expect((await attempt(gw.url, token, { origin })).error.details.code).toBe('AUTH_RATE_LIMITED');
    // The CLI on the same host (no Origin) and a page on another local origin still get in.
    expect((await attempt(gw.url, token)).ok).toBe(true);
    expect((await attempt(gw.url, token, { origin: `http://localhost:${gw.port}` })).ok).toBe(true);
    expect((await http(gw, '/v1/models', token)).status).toBe(200);
    await gw.stop();
  });
});
