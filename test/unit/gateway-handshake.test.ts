// decideConnect with an in-memory runtime: the paths an e2e gateway cannot reach (it refuses to start
// without a secret), and the trusted-proxy mode.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { decideConnect, secretEquals } from '../../src/gateway/handshake.js';
import type { GatewaySettings, Runtime } from '../../src/gateway/runtime.js';
import { bareRuntime } from '../helpers/gateway-runtime.js';
import type { ConnectParams } from '../../src/protocol/frames.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function runtime(settings: Partial<GatewaySettings>): Runtime {
  const { rt, dir } = bareRuntime(settings);
  dirs.push(dir);
  return rt;
}

const params = (extra: Partial<ConnectParams> = {}): ConnectParams => ({
  minProtocol: 3,
  maxProtocol: 4,
  client: { id: 'cli', version: '1', platform: 'linux', mode: 'cli' },
  ...extra,
});

const ctx = (p: ConnectParams, extra: object = {}) => ({ params: p, nonce: 'n', remoteIp: '127.0.0.1', headers: {}, ...extra });

describe('decideConnect', () => {
  it('AUTH_TOKEN_NOT_CONFIGURED / AUTH_PASSWORD_NOT_CONFIGURED when the gateway has no secret', () => {
    const t = decideConnect(runtime({ authMode: 'token' }), ctx(params({ auth: { token: 'x' } })));
    expect(!t.ok && t.error.details?.code).toBe('AUTH_TOKEN_NOT_CONFIGURED');
    const p = decideConnect(runtime({ authMode: 'password' }), ctx(params({ auth: { password: 'x' } })));
    expect(!p.ok && p.error.details?.code).toBe('AUTH_PASSWORD_NOT_CONFIGURED');
  });

  it('mode none lets a deviceless operator in with no scopes', () => {
    const r = decideConnect(runtime({ authMode: 'none' }), ctx(params({ scopes: ['operator.admin'] })));
    expect(r).toMatchObject({ ok: true, protocol: 4, role: 'operator', scopes: [] });
  });

  it('trusted-proxy: AUTH_UNAUTHORIZED from an untrusted source, AUTH_REQUIRED without the user header', () => {
    const rt = runtime({ authMode: 'trusted-proxy', config: { gateway: { trustedProxies: ['10.0.0.1'] } } });
    const a = decideConnect(rt, ctx(params(), { remoteIp: '10.0.0.2' }));
    expect(!a.ok && a.error.details?.code).toBe('AUTH_UNAUTHORIZED');
    const b = decideConnect(rt, ctx(params(), { remoteIp: '10.0.0.1' }));
    expect(!b.ok && b.error.details?.code).toBe('AUTH_REQUIRED');
    const c = decideConnect(rt, ctx(params(), { remoteIp: '10.0.0.1', headers: { 'x-forwarded-user': 'ann' } }));
    expect(c.ok).toBe(true);
  });

  it('rate limits a non-loopback address after 10 failures and never exempts a browser origin', () => {
    const rt = runtime({ authMode: 'token', token: 'right' });
    for (let i = 0; i < 10; i++) decideConnect(rt, ctx(params({ auth: { token: 'wrong' } }), { remoteIp: '192.0.2.1' }));
    const locked = decideConnect(rt, ctx(params({ auth: { token: 'right' } }), { remoteIp: '192.0.2.1' }));
    expect(!locked.ok && locked.error.details?.code).toBe('AUTH_RATE_LIMITED');
    const other = decideConnect(rt, ctx(params({ auth: { token: 'right' } }), { remoteIp: '192.0.2.2' }));
    expect(other.ok).toBe(true);
  });
});

describe('per-Origin limiter', () => {
  it('locks a browser Origin out even from loopback, where the per-IP limiter is exempt', () => {
    const rt = runtime({ authMode: 'token', token: 'right', allowedOrigins: ['https://ui.example'] });
    const fromUi = (token: string) => decideConnect(rt, ctx(params({ auth: { token } }), { origin: 'https://ui.example' }));
    for (let i = 0; i < 10; i++) fromUi('wrong');
    const locked = fromUi('right');
    expect(!locked.ok && locked.error.details?.code).toBe('AUTH_RATE_LIMITED');
    // The same loopback address without that Origin is not locked out.
    const plain = decideConnect(rt, ctx(params({ auth: { token: 'right' } })));
    expect(plain.ok).toBe(true);
  });
});

describe('browser limiter keys (2026.9.6 semantics, README "Rate limits")', () => {
  const rtWithUi = () => runtime({ authMode: 'token', token: 'right', allowedOrigins: ['https://ui.example'], config: { gateway: { controlUi: { dangerouslyDisableDeviceAuth: true } } } });
  const attempt = (rt: Runtime, token: string, remoteIp: string, origin?: string) => decideConnect(rt, ctx(params({ auth: { token } }), { remoteIp, origin }));

  it('a remote browser is keyed by its IP: its failures do not lock the origin out for other addresses', () => {
    const rt = rtWithUi();
    for (let i = 0; i < 10; i++) attempt(rt, 'wrong', '198.51.100.7', 'https://ui.example');
    const attacker = attempt(rt, 'right', '198.51.100.7', 'https://ui.example');
    expect(!attacker.ok && attacker.error.details?.code).toBe('AUTH_RATE_LIMITED');
    expect(attempt(rt, 'right', '198.51.100.8', 'https://ui.example').ok).toBe(true);
  });

  it('a loopback browser is keyed by its origin, spelled any way', () => {
    const rt = rtWithUi();
    for (let i = 0; i < 10; i++) attempt(rt, 'wrong', '127.0.0.1', 'https://ui.example');
    const variant = attempt(rt, 'right', '127.0.0.1', 'HTTPS://UI.EXAMPLE/');
    expect(!variant.ok && variant.error.details?.code).toBe('AUTH_RATE_LIMITED');
  });

  it('browser failures never count against the IP limiter (CLI from the same host stays in, even without the loopback exemption)', () => {
    const rt = rtWithUi();
    rt.rateLimitExemptLoopback = false;
    for (let i = 0; i < 10; i++) attempt(rt, 'wrong', '127.0.0.1', 'https://ui.example');
    expect(attempt(rt, 'right', '127.0.0.1').ok).toBe(true);
  });
});

describe('secretEquals', () => {
  it('compares by value, including length', () => {
    expect(secretEquals('abc', 'abc')).toBe(true);
    expect(secretEquals('abc', 'abd')).toBe(false);
    expect(secretEquals('abc', 'abcd')).toBe(false);
    expect(secretEquals('', '')).toBe(true);
  });
});
