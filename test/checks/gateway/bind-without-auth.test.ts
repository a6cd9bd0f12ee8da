import { expect } from 'vitest';
import bindWithoutAuth from '../../../checks/gateway/bind-without-auth.js';
import { testCheck } from '../../helpers/check-tester.js';

const TOKEN = /^[0-9a-f]{48}$/;

testCheck(bindWithoutAuth, {
  valid: ['healthy', 'auth-none-exposed', 'allowed-origins-missing', 'legacy-bind-alias', { fixture: 'bind-auto-container', options: { env: { OPENCLAW_IN_CONTAINER: '0' } } }],
  invalid: [
    {
      // Unset bind in a container is "auto", 0.0.0.0 there (upstream's default): a token is needed.
      fixture: 'bind-auto-container',
      findings: [
        {
          severity: 'error',
          messageId: 'gateway/bind-without-auth.gateway-binds-without',
          params: { x: 'auto (gateway.bind unset in a container; 0.0.0.0)', value: 'auto' },
          evidence: expect.arrayContaining([{ kind: 'config', source: 'gateway.bind', value: '"(unset: auto)"' }]),
        },
      ],
      fixed: { config: (c) => expect(c.gateway.auth).toEqual({ mode: 'token', token: expect.stringMatching(TOKEN) }) },
    },
    {
      fixture: 'bind-lan-no-auth',
      findings: [
        {
          severity: 'error',
          messageId: 'gateway/bind-without-auth.gateway-binds-without',
          params: { x: 'lan (0.0.0.0)', value: 'lan' },
          cause: 'bind-without-auth',
          evidence: expect.arrayContaining([{ kind: 'config', source: 'gateway.bind', value: '"lan"' }]),
        },
      ],
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
