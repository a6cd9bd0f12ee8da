import { expect } from 'vitest';
import localUnreachable from '../../../checks/models/local-provider-unreachable.js';
import { quietOn, testCheck } from '../../helpers/check-tester.js';

testCheck(localUnreachable, {
  valid: quietOn(['subsystems-models/local-unreachable']),
  invalid: [
    {
      fixture: 'subsystems-models/local-unreachable',
      findings: [
        {
          severity: 'error',
          messageId: 'models/local-provider-unreachable.message',
          params: { id: 'ollama', baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v1$/), error: 'unreachable (ECONNREFUSED)' },
          path: 'models.providers.ollama.baseUrl',
        },
      ],
    },
  ],
});
