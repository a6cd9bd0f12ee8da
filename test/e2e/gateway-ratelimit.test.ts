// Failed-auth rate limiting on a real gateway: lockout after maxAttempts, loopback exempt by default.
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, handshake, makeState, newDevice, newToken, startGateway, waitFor } from './gateway-harness.js';

afterAll(cleanup);

async function attempt(url: string, token: string) {
  const { res, sock } = await handshake(url, { token });
  sock.ws.close();
  return res;
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
