import { expect } from 'vitest';
import allowedOrigins from '../../checks/gateway/allowed-origins-missing.js';
import authNone from '../../checks/gateway/auth-none-exposed.js';
import bindWithoutAuth from '../../checks/gateway/bind-without-auth.js';
import legacyBind from '../../checks/gateway/legacy-bind-alias.js';
import legacyToken from '../../checks/gateway/legacy-token-key.js';
import modeNotLocal from '../../checks/gateway/mode-not-local.js';
import modeUnset from '../../checks/gateway/mode-unset.js';
import notRunning from '../../checks/gateway/not-running.js';
import passwordMissing from '../../checks/gateway/password-missing.js';
import portConflict from '../../checks/gateway/port-conflict.js';
import restartDisabled from '../../checks/gateway/restart-disabled.js';
import rpcProbe from '../../checks/gateway/rpc-probe-failed.js';
import staleLock from '../../checks/gateway/stale-lock.js';
import tokenPlaceholder from '../../checks/gateway/token-placeholder.js';
import { testCheck } from '../helpers/check-tester.js';

const TOKEN = /^[0-9a-f]{48}$/;

testCheck(modeUnset, {
  valid: ['healthy', 'mode-remote', 'config-unparseable'],
  invalid: [
    { fixture: 'mode-unset', findings: [{ severity: 'error', path: 'gateway.mode', cause: 'mode-unset' }], fixed: { config: (c) => expect(c.gateway.mode).toBe('local') } },
    // What `openclaw setup` writes: with gateway.mode alone, a container's gateway binds 0.0.0.0 and refuses to start without auth.
    { fixture: 'no-config', findings: [{ severity: 'error' }], fixed: { config: { gateway: { mode: 'local', bind: 'loopback', auth: { mode: 'token', token: expect.stringMatching(TOKEN) } } } } },
  ],
});

testCheck(modeNotLocal, {
  valid: ['healthy', 'mode-unset'],
  invalid: [{ fixture: 'mode-remote', findings: [{ severity: 'error', message: expect.stringContaining('current: remote') }] }],
});

testCheck(bindWithoutAuth, {
  valid: ['healthy', 'auth-none-exposed', 'allowed-origins-missing', 'legacy-bind-alias', { fixture: 'bind-auto-container', options: { env: { OPENCLAW_IN_CONTAINER: '0' } } }],
  invalid: [
    {
      // Unset bind in a container is "auto", 0.0.0.0 there (upstream's default): a token is needed.
      fixture: 'bind-auto-container',
      findings: [{ message: expect.stringContaining('auto (gateway.bind unset in a container; 0.0.0.0) without a token'), evidence: expect.arrayContaining([{ kind: 'config', source: 'gateway.bind', value: '"(unset: auto)"' }]) }],
      fixed: { config: (c) => expect(c.gateway.auth).toEqual({ mode: 'token', token: expect.stringMatching(TOKEN) }) },
    },
    {
      fixture: 'bind-lan-no-auth',
      findings: [{ severity: 'error', cause: 'bind-without-auth', evidence: expect.arrayContaining([{ kind: 'config', source: 'gateway.bind', value: '"lan"' }]) }],
      fixed: {
        config: (c) => {
          expect(c.gateway.auth.mode).toBe('token');
          expect(c.gateway.auth.token).toMatch(TOKEN);
          expect(c.gateway.bind).toBe('lan');
        },
      },
    },
  ],
});

testCheck(authNone, {
  valid: ['healthy', 'bind-lan-no-auth'],
  invalid: [
    {
      fixture: 'auth-none-exposed',
      findings: [{ severity: 'error', path: 'gateway.auth.mode' }],
      fixed: { yes: true, config: (c) => expect(c.gateway.auth).toEqual({ mode: 'token', token: expect.stringMatching(TOKEN) }) },
    },
  ],
});

testCheck(passwordMissing, {
  valid: ['healthy', { fixture: 'password-missing', options: { env: { OPENCLAW_GATEWAY_PASSWORD: 'from-env-secret' } } }],
  invalid: [
    {
      fixture: 'password-missing',
      findings: [{ severity: 'error', path: 'gateway.auth.password', fixHint: expect.stringContaining('switches to token auth') }],
      fixed: { yes: true, config: (c) => expect(c.gateway.auth).toEqual({ mode: 'token', token: expect.stringMatching(TOKEN) }) },
    },
  ],
});

testCheck(legacyToken, {
  valid: ['healthy'],
  invalid: [
    {
      fixture: 'legacy-token-key',
      findings: [{ severity: 'error', path: 'gateway.token', evidence: [{ kind: 'config', source: 'gateway.token', value: '***' }, { kind: 'config', source: 'gateway.auth.token', value: '(unset)' }] }],
      // The value moves; nothing is deleted.
      fixed: {
        config: (c) => {
          expect(c.gateway).toMatchObject({ auth: { mode: 'token', token: 'legacy-token-value-42' } });
          expect(c.gateway.token).toBeUndefined();
        },
      },
    },
    { fixture: 'legacy-token-conflict', findings: [{ message: expect.stringContaining('both set and differ'), data: { conflict: true } }] },
  ],
});

testCheck(legacyBind, {
  valid: ['healthy'],
  invalid: [{ fixture: 'legacy-bind-alias', findings: [{ severity: 'warning', path: 'gateway.bind' }], fixed: { config: (c) => expect(c.gateway.bind).toBe('loopback') } }],
});

testCheck(allowedOrigins, {
  valid: ['healthy', 'bind-lan-no-auth'],
  invalid: [
    {
      fixture: 'allowed-origins-missing',
      findings: [{ severity: 'warning', path: 'gateway.controlUi.allowedOrigins' }],
      fixed: { config: (c) => expect(c.gateway.controlUi.allowedOrigins).toEqual(['http://localhost:18789', 'http://127.0.0.1:18789']) },
    },
  ],
});

testCheck(portConflict, {
  valid: ['healthy', 'gateway-down', 'stale-lock', 'gateway-starting'],
  invalid: [
    { fixture: 'port-conflict-foreign', findings: [{ severity: 'error', evidence: expect.arrayContaining([{ kind: 'process', source: 'pid 31337', value: 'python3 -m http.server 18789' }]), data: expect.objectContaining({ kind: 'foreign' }) }] },
    { fixture: 'port-conflict-ssh', findings: [{ message: expect.stringContaining('SSH tunnel'), data: expect.objectContaining({ kind: 'ssh-tunnel', pid: 2020 }) }] },
    { fixture: 'port-conflict-other-gateway', findings: [{ message: expect.stringContaining('/home/user/.openclaw-work'), data: expect.objectContaining({ kind: 'other-gateway' }) }] },
    { fixture: 'port-conflict-stale-gateway', findings: [{ message: expect.stringContaining('does not answer'), data: expect.objectContaining({ kind: 'this-gateway', pid: 4242 }) }] },
  ],
});

testCheck(staleLock, {
  valid: ['healthy', 'gateway-down'],
  invalid: [{ fixture: 'stale-lock', findings: [{ severity: 'warning', evidence: [expect.objectContaining({ value: expect.stringContaining('pid 4242') })], data: expect.objectContaining({ pid: 4242 }) }] }],
});

testCheck(notRunning, {
  valid: ['healthy', 'port-conflict-foreign', 'mode-remote'],
  invalid: [
    { fixture: 'gateway-down', findings: [{ severity: 'warning', message: expect.stringContaining('ws://127.0.0.1:18789') }] },
    // The lock's owner is alive: say which port it chose instead of "not running".
    {
      fixture: 'gateway-other-port',
      findings: [
        {
          severity: 'warning',
          message: expect.stringContaining('(pid 6547) is running: it listens on port 18999, and while it runs another gateway for this config cannot start'),
          fixHint: expect.stringContaining('--url ws://127.0.0.1:18999'),
          evidence: expect.arrayContaining([expect.objectContaining({ kind: 'process', value: expect.stringContaining('gateway --port 18999') })]),
          // What the confirm repair stops (port.free identifies it again first).
          data: expect.objectContaining({ pid: 6547, port: 18999 }),
        },
      ],
    },
  ],
});

testCheck(rpcProbe, {
  valid: ['healthy', 'gateway-down', 'port-conflict-foreign', 'port-conflict-other-gateway'],
  invalid: [
    { fixture: 'token-drift', findings: [{ cause: 'token-mismatch', message: expect.stringContaining('OPENCLAW_GATEWAY_TOKEN'), evidence: expect.arrayContaining([expect.objectContaining({ kind: 'env' })]) }] },
    { fixture: 'token-drift', options: { env: {} as NodeJS.ProcessEnv }, findings: [{ cause: 'token-mismatch' }] },
    { fixture: 'pairing-required', findings: [{ cause: 'pairing-required', fixHint: expect.stringContaining('openclaw devices approve req-7f3a') }] },
    { fixture: 'protocol-mismatch', findings: [{ cause: 'protocol-mismatch', message: expect.stringContaining('5–5') }] },
    { fixture: 'port-conflict-stale-gateway', findings: [{ cause: 'gateway-unreachable' }] },
    {
      fixture: 'token-drift-hidden',
      findings: [{ severity: 'warning', cause: 'token-mismatch', message: expect.stringContaining('cached device token'), fixHint: expect.stringContaining('unset OPENCLAW_GATEWAY_TOKEN') }],
    },
    {
      fixture: 'gateway-starting',
      findings: [{ severity: 'warning', cause: 'gateway-starting', message: expect.stringContaining('"gateway starting; retry shortly" (reason: startup-sidecars)'), fixHint: expect.stringContaining('again in a few seconds') }],
    },
  ],
});

testCheck(restartDisabled, {
  valid: ['healthy', 'mode-unset', 'config-unparseable'],
  invalid: [{ fixture: 'restart-disabled', findings: [{ severity: 'warning', path: 'commands.restart', cause: 'restart-disabled' }] }],
});

testCheck(tokenPlaceholder, {
  valid: ['healthy', 'password-missing', 'config-unparseable'],
  invalid: [
    {
      fixture: 'token-placeholder',
      findings: [{ severity: 'error', path: 'gateway.auth.token', cause: 'token-placeholder', message: expect.stringContaining('"change-me-now"') }],
      fixed: { yes: true, config: (c) => expect(c.gateway.auth).toEqual({ mode: 'token', token: expect.stringMatching(TOKEN) }) },
    },
  ],
});
