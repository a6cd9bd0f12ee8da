// The gateway's /metrics on a real gateway process: open on loopback, counts what happened on the
// wire (handshakes by outcome and details.code, auth failures, lockouts, pairing, RPC latency),
// reports process metrics, and parses as the Prometheus text format.
import { afterAll, describe, expect, it } from 'vitest';
import { assertNoSecretLeaks, cleanup, handshake, makeState, newDevice, newToken, rawConnect, rpc, startGateway, type RunningGateway } from './gateway-harness.js';
import { parseExposition } from '../helpers/prometheus.js';

afterAll(async () => {
  await cleanup();
  assertNoSecretLeaks();
});

async function scrape(gw: RunningGateway) {
  const r = await fetch(`http://127.0.0.1:${gw.port}/metrics`, { signal: AbortSignal.timeout(5000) });
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(await r.text());
}

describe('gateway /metrics', () => {
  it('is open on loopback and counts handshakes, auth failures, lockouts, pairing and RPC calls', async () => {
    const token = newToken();
    const dir = makeState({ gateway: { mode: 'local', auth: { token, rateLimit: { maxAttempts: 2, windowMs: 60_000, lockoutMs: 300_000, exemptLoopback: false } } } });
    const gw = await startGateway(dir);

    const before = await scrape(gw);
    expect(before.value('openclaw_gateway_connections_open')).toBe(0);
    expect(before.value('openclaw_gateway_auth_failures_total')).toBe(0);

    // Accepted, with two RPC calls (one answered, one refused by the method).
    const ok = await handshake(gw.url, { token, device: newDevice() });
    expect(ok.res.ok).toBe(true);
    expect((await rpc(ok.sock, 'health')).ok).toBe(true);
    expect((await rpc(ok.sock, 'health')).ok).toBe(true);
    const during = await scrape(gw);
    expect(during.value('openclaw_gateway_connections_open')).toBe(1);
    expect(during.value('openclaw_gateway_handshakes_total', { outcome: 'accepted' })).toBe(1);
    expect(during.value('openclaw_gateway_rpc_calls_total', { method: 'health', outcome: 'ok' })).toBe(2);
    expect(during.value('openclaw_gateway_rpc_duration_seconds_count', { method: 'health' })).toBe(2);
    expect(during.value('openclaw_gateway_rpc_duration_seconds_bucket', { method: 'health', le: '+Inf' })).toBe(2);
    expect(during.value('openclaw_gateway_rpc_duration_seconds_sum', { method: 'health' })).toBeGreaterThan(0);
    ok.sock.ws.close();
    await ok.sock.closed;

    // A browser device is not auto-paired: a pairing request.
    const ui = await handshake(gw.url, { token, device: newDevice(), clientId: 'openclaw-control-ui', mode: 'ui', scopes: ['operator.read'] }, { origin: `http://127.0.0.1:${gw.port}` });
    expect(ui.res.error?.details?.code).toBe('PAIRING_REQUIRED');
    ui.sock.ws.close();

    // Two wrong tokens lock the client out; the next try is refused as rate limited.
    for (let i = 0; i < 2; i++) {
      const bad = await handshake(gw.url, { token: 'wrong-token' });
      expect(bad.res.error.details.code).toBe('AUTH_TOKEN_MISMATCH');
      bad.sock.ws.close();
    }
    const locked = await handshake(gw.url, { token });
    expect(locked.res.error.details.code).toBe('AUTH_RATE_LIMITED');
    locked.sock.ws.close();

    // Not a connect frame at all.
    const junk = rawConnect(gw.url);
    await junk.challenge;
    junk.send('not json');
    await junk.closed;

    const m = await scrape(gw);
    expect(m.value('openclaw_gateway_connections_open')).toBe(0);
    expect(m.value('openclaw_gateway_handshakes_total', { outcome: 'refused', code: 'PAIRING_REQUIRED' })).toBe(1);
    expect(m.value('openclaw_gateway_handshakes_total', { outcome: 'refused', code: 'AUTH_TOKEN_MISMATCH' })).toBe(2);
    expect(m.value('openclaw_gateway_handshakes_total', { outcome: 'refused', code: 'AUTH_RATE_LIMITED' })).toBe(1);
    expect(m.value('openclaw_gateway_handshakes_total', { outcome: 'invalid', code: 'INVALID_REQUEST' })).toBe(1);
    expect(m.value('openclaw_gateway_auth_failures_total')).toBe(2);
    expect(m.value('openclaw_gateway_auth_lockouts_total')).toBe(1);
    expect(m.value('openclaw_gateway_pairing_requests_total')).toBe(1);
    expect(m.types.get('openclaw_gateway_handshakes_total')).toBe('COUNTER');
    expect(m.types.get('openclaw_gateway_rpc_duration_seconds')).toBe('HISTOGRAM');
    await gw.stop();
  });

  it('reports uptime, version, RSS, heap and event-loop lag', async () => {
    const gw = await startGateway(makeState({ gateway: { mode: 'local', auth: { token: newToken() } } }));
    const m = await scrape(gw);
    expect(m.value('openclaw_gateway_uptime_seconds')).toBeGreaterThan(0);
    expect(m.samples.find((s) => s.name === 'openclaw_gateway_info')?.labels.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(m.value('process_resident_memory_bytes')).toBeGreaterThan(10 * 1024 * 1024);
    expect(m.value('nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    const lag = m.value('openclaw_gateway_event_loop_lag_p99_seconds');
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(5);
    expect(m.types.get('nodejs_eventloop_lag_seconds')).toBe('GAUGE');
    // HEAD answers the headers only; other methods are refused like the other routes.
    const head = await fetch(`http://127.0.0.1:${gw.port}/metrics`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await fetch(`http://127.0.0.1:${gw.port}/metrics`, { method: 'POST' })).status).toBe(405);
    await gw.stop();
  });

  it('counts handshakes that time out and oversize first frames', async () => {
    const gw = await startGateway(makeState({ gateway: { mode: 'local', handshakeTimeoutMs: 300, auth: { token: newToken() } } }));
    const silent = rawConnect(gw.url);
    await silent.challenge;
    expect((await silent.closed).reason).toBe('handshake timeout');
    const big = rawConnect(gw.url);
    await big.challenge;
    big.send('x'.repeat(70 * 1024));
    expect((await big.closed).code).toBe(1009);
    const m = await scrape(gw);
    expect(m.value('openclaw_gateway_handshakes_total', { outcome: 'timeout' })).toBe(1);
    expect(m.value('openclaw_gateway_handshakes_total', { outcome: 'invalid', code: 'PREAUTH_PAYLOAD_TOO_LARGE' })).toBe(1);
    expect(m.value('openclaw_gateway_handshakes_total', { outcome: 'accepted' })).toBeUndefined();
    await gw.stop();
  });
});
