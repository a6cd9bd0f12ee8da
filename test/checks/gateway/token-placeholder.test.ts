import { expect } from 'vitest';
import tokenPlaceholder from '../../../checks/gateway/token-placeholder.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(tokenPlaceholder, {
  valid: ['healthy', 'password-missing', 'config-unparseable'],
  invalid: [
    {
      fixture: 'token-placeholder',
      findings: [
        {
          severity: 'error',
          messageId: 'gateway/token-placeholder.message',
          params: { path: 'gateway.auth.token', value: 'change-me-now', blank: false },
          path: 'gateway.auth.token',
          cause: 'token-placeholder',
        },
      ],
      fixed: { yes: true, config: (c) => expect(c.gateway.auth).toEqual({ mode: 'token', token: expect.stringMatching(/^[0-9a-f]{48}$/) }) },
    },
  ],
});
