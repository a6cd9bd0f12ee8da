import { expect } from 'vitest';
import allowedOrigins from '../../../checks/gateway/allowed-origins-missing.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(allowedOrigins, {
  valid: ['healthy', 'bind-lan-no-auth'],
  invalid: [
    {
      fixture: 'allowed-origins-missing',
      findings: [{ severity: 'warning', messageId: 'gateway/allowed-origins-missing.gateway-listens-beyond', params: {}, path: 'gateway.controlUi.allowedOrigins' }],
      fixed: { config: (c) => expect(c.gateway.controlUi.allowedOrigins).toEqual(['http://localhost:18789', 'http://127.0.0.1:18789']) },
    },
  ],
});
