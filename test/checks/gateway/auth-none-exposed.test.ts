import { expect } from 'vitest';
import authNone from '../../../checks/gateway/auth-none-exposed.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(authNone, {
  valid: ['healthy', 'bind-lan-no-auth'],
  invalid: [
    {
      fixture: 'auth-none-exposed',
      findings: [{ severity: 'error', messageId: 'gateway/auth-none-exposed.gateway-auth-mode', params: { x: 'lan (0.0.0.0)' }, path: 'gateway.auth.mode' }],
      fixed: { yes: true, config: (c) => expect(c.gateway.auth).toEqual({ mode: 'token', token: expect.stringMatching(/^[0-9a-f]{48}$/) }) },
    },
  ],
});
