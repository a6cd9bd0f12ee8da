import { expect } from 'vitest';
import mistyped from '../../../checks/config/mistyped.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(mistyped, {
  valid: ['healthy', 'legacy-token-key', 'config-unparseable'],
  invalid: [
    {
      // bind is set too: which one is meant is the user's call, so no repair.
      fixture: 'config-invalid',
      findings: [{ severity: 'error', messageId: 'config/mistyped.key-both-set', params: { path: 'gateway.bindd', meant: 'gateway.bind' }, fixHintId: 'config/mistyped.key-both-set.fix', path: 'gateway.bindd' }],
    },
    {
      fixture: 'config-mistyped',
      findings: [
        {
          severity: 'error',
          messageId: 'config/mistyped.message',
          params: { path: 'gateway.auth.mode', message: '"tokn" is not allowed here; use one of: none, token, password, trusted-proxy (did you mean "token"?)', suggestedValue: 'token' },
          path: 'gateway.auth.mode',
        },
        {
          severity: 'error',
          messageId: 'config/mistyped.key',
          params: { path: 'gateway.prot', meant: 'gateway.port' },
          path: 'gateway.prot',
          evidence: [{ kind: 'config', source: 'gateway.prot', value: '18790' }, expect.anything()],
        },
      ],
      fixed: {
        yes: true,
        config: (cfg) => {
          expect(cfg.gateway.port).toBe(18790);
          expect(cfg.gateway).not.toHaveProperty('prot');
          expect(cfg.gateway.auth.mode).toBe('token');
        },
      },
    },
  ],
});
