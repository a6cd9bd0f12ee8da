import { expect } from 'vitest';
import passwordMissing from '../../../checks/gateway/password-missing.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(passwordMissing, {
  valid: ['healthy', { fixture: 'password-missing', options: { env: { OPENCLAW_GATEWAY_PASSWORD: 'from-env-secret' } } }],
  invalid: [
    {
      fixture: 'password-missing',
      // The hint: the repair switches to token auth.
      findings: [{ severity: 'error', messageId: 'gateway/password-missing.gateway-auth-mode', params: {}, fixHintId: 'gateway/password-missing.gateway-auth-mode.fix', path: 'gateway.auth.password' }],
      fixed: { yes: true, config: (c) => expect(c.gateway.auth).toEqual({ mode: 'token', token: expect.stringMatching(/^[0-9a-f]{48}$/) }) },
    },
  ],
});
