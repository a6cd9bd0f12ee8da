import { expect } from 'vitest';
import legacyToken from '../../../checks/gateway/legacy-token-key.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(legacyToken, {
  valid: ['healthy'],
  invalid: [
    {
      fixture: 'legacy-token-key',
      findings: [
        {
          severity: 'error',
          messageId: 'gateway/legacy-token-key.legacy',
          params: {},
          path: 'gateway.token',
          evidence: [{ kind: 'config', source: 'gateway.token', value: '***' }, { kind: 'config', source: 'gateway.auth.token', value: '(unset)' }],
        },
      ],
      // The value moves; nothing is deleted.
      fixed: {
        config: (c) => {
          expect(c.gateway).toMatchObject({ auth: { mode: 'token', token: 'legacy-token-value-42' } });
          expect(c.gateway.token).toBeUndefined();
        },
      },
    },
    // Both set and they differ: which one is meant is the user's call.
    { fixture: 'legacy-token-conflict', findings: [{ severity: 'error', messageId: 'gateway/legacy-token-key.conflict', params: {}, data: { conflict: true } }] },
  ],
});
