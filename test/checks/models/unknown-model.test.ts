import { expect } from 'vitest';
import unknownModel from '../../../checks/models/unknown-model.js';
import { quietOn, testCheck } from '../../helpers/check-tester.js';

testCheck(unknownModel, {
  valid: quietOn(['subsystems-models/unknown-model']),
  invalid: [
    {
      fixture: 'subsystems-models/unknown-model',
      findings: [
        {
          severity: 'error',
          messageId: 'models/unknown-model.provider-does-serve',
          params: { provider: 'lm', model: 'llama-70b', served: 'qwen', baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v1$/) },
          path: 'models.providers.lm.models[1]',
        },
      ],
    },
  ],
});
