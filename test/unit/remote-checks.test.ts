// The remote/* checks over hand-made probe facts: each failure is explained by exactly one check,
// plaintext and TLS are told apart, and text from the peer is shown with control characters escaped.
import { describe, expect, it } from 'vitest';
import type { RemoteProbe } from '../../src/client/remote-probe.js';
import type { ProbeFailure } from '../../src/client/types.js';
import { loadChecks } from '../../src/engine/loader.js';
import { runChecks } from '../../src/engine/runner.js';
import type { Facts } from '../../src/facts/types.js';

const remote = (await loadChecks()).filter((c) => c.meta.area === 'remote');

function probe(over: Partial<RemoteProbe> = {}): RemoteProbe {
  return {
    url: 'wss://gw.example.com',
    scheme: 'wss',
    host: 'gw.example.com',
    loopback: false,
    credential: 'token',
    withheld: false,
    connect: { ok: true, rpcOk: true, protocol: 4, serverVersion: '2026.9.6', authMode: 'token' },
    health: { ok: true },
    origin: { origin: 'https://gw.example.com', allowed: true },
    durationMs: 5,
    ...over,
  };
}

const failed = (error: ProbeFailure, over: Partial<RemoteProbe> = {}) => probe({ connect: { ok: false, rpcOk: false, error }, health: undefined, ...over });
const run = (p: RemoteProbe) => runChecks(remote, { remote: { ok: true, value: p } } as Facts);
const ids = (p: RemoteProbe) => run(p).map((f) => `${f.checkId}:${f.severity}`);

describe('remote checks', () => {
  it('there are nine, each reading only the remote fact', () => {
    expect(remote.map((c) => c.meta.id).sort()).toEqual(['remote/auth', 'remote/health', 'remote/origin', 'remote/pairing', 'remote/plaintext', 'remote/protocol', 'remote/reachable', 'remote/tls', 'remote/version']);
    for (const c of remote) expect(c.meta.facts).toEqual(['remote']);
  });

  it('a healthy gateway over TLS has no findings', () => {
    expect(run(probe())).toEqual([]);
  });

  it('ws:// to a host that is not loopback: an error with a secret (kept back), a warning without, nothing on loopback', () => {
    const plain = { url: 'ws://10.0.0.5:18789', scheme: 'ws' as const, host: '10.0.0.5' };
    expect(ids(probe({ ...plain, withheld: true }))).toEqual(['remote/auth:warning', 'remote/plaintext:error']);
    expect(run(probe({ ...plain, withheld: true })).find((f) => f.checkId === 'remote/plaintext')!.message).toContain('did not send it');
    expect(ids(probe({ ...plain, credential: 'none' }))).toEqual(['remote/plaintext:warning']);
    expect(ids(probe({ ...plain, host: '127.0.0.1', loopback: true, url: 'ws://127.0.0.1:18789' }))).toEqual([]);
  });

  it('a certificate failure is remote/tls, a refused port is remote/reachable', () => {
    expect(ids(failed({ kind: 'error', message: 'DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate' }))).toEqual(['remote/tls:error']);
    expect(ids(failed({ kind: 'refused', message: 'connection refused' }))).toEqual(['remote/reachable:error']);
    expect(ids(failed({ kind: 'unavailable', message: 'gateway starting; retry shortly' }))).toEqual(['remote/reachable:warning']);
  });

  it('each gateway refusal has its own check and cause', () => {
    const auth = run(failed({ kind: 'auth', message: 'unauthorized', code: 'AUTH_TOKEN_MISMATCH', errorCode: 'INVALID_REQUEST' }));
    expect(auth).toMatchObject([{ checkId: 'remote/auth', severity: 'error', cause: 'token-mismatch', details: { kind: 'auth', code: 'AUTH_TOKEN_MISMATCH' } }]);
    expect(ids(failed({ kind: 'protocol', message: 'protocol mismatch', expectedProtocol: 5 }))).toEqual(['remote/protocol:error']);
    expect(ids(failed({ kind: 'pairing', message: 'pairing required', code: 'PAIRING_REQUIRED', requestId: 'r1' }))).toEqual(['remote/pairing:error']);
    expect(ids(probe({ connect: { ok: true, rpcOk: false, protocol: 4, error: { kind: 'rpc', message: 'health failed' } } }))).toEqual(['remote/health:error']);
  });

  it('a pending pairing the probe worked around is a warning naming the request', () => {
    const [f] = run(probe({ pairing: { kind: 'pairing', message: 'pairing required', requestId: 'req-42' } }));
    expect(f).toMatchObject({ checkId: 'remote/pairing', severity: 'warning', fixHint: '`openclaw devices approve req-42` (on the gateway host)' });
  });

  it('an older gateway, an open gateway, a refused Control UI origin, an unhealthy gateway', () => {
    expect(ids(probe({ connect: { ok: true, rpcOk: true, protocol: 3, serverVersion: '2026.4.2' } }))).toEqual(['remote/version:warning']);
    expect(ids(probe({ connect: { ok: true, rpcOk: true, protocol: 4, authMode: 'none' } }))).toEqual(['remote/auth:error']);
    const origin = run(probe({ origin: { origin: 'https://gw.example.com', allowed: false, failure: { kind: 'origin', message: 'origin not allowed', code: 'CONTROL_UI_ORIGIN_NOT_ALLOWED' } } }));
    expect(origin).toMatchObject([{ checkId: 'remote/origin', severity: 'warning', cause: 'origin-not-allowed' }]);
    expect(origin[0].fixHint).toContain('https://gw.example.com');
    expect(ids(probe({ health: { ok: false } }))).toEqual(['remote/health:error']);
  });

  it('an invalid URL and a probe that ran out of time are remote/reachable errors', () => {
    expect(ids(failed({ kind: 'error', message: 'invalid' }, { invalid: 'the scheme http: is not ws: or wss:' }))).toEqual(['remote/reachable:error']);
    const timedOut = runChecks(remote, { remote: { ok: false, reason: 'remote did not answer within 5000 ms' } } as Facts);
    expect(timedOut).toMatchObject([{ checkId: 'remote/reachable', severity: 'error' }]);
  });

  it('control characters from the peer are shown escaped', () => {
    const [f] = run(failed({ kind: 'auth', message: 'bad\u001b[31m\nline', code: 'AUTH_WEIRD' }));
    expect(f.message).toContain('bad\\u001b[31m\\u000aline');
    expect(JSON.stringify(f)).not.toMatch(/\u001b/);
  });
});
