import { expect } from 'vitest';
import legacyBind from '../../../checks/gateway/legacy-bind-alias.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(legacyBind, {
  valid: ['healthy'],
  invalid: [
    {
      fixture: 'legacy-bind-alias',
      findings: [{ severity: 'warning', messageId: 'gateway/legacy-bind-alias.gateway-bind-legacy', params: { value: '"127.0.0.1"', mode: 'loopback' }, path: 'gateway.bind' }],
      fixed: { config: (c) => expect(c.gateway.bind).toBe('loopback') },
    },
  ],
});
