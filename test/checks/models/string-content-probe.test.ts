import { expect } from 'vitest';
import stringContentProbe from '../../../checks/models/string-content-probe.js';
import { quietOn, testCheck } from '../../helpers/check-tester.js';

testCheck(stringContentProbe, {
  valid: quietOn(['subsystems-models/string-content']),
  invalid: [
    {
      // The strict backend refuses array content with its own error, quoted as a param.
      fixture: 'subsystems-models/string-content',
      findings: [
        {
          severity: 'error',
          messageId: 'models/string-content-probe.rejects-array-content',
          params: { provider: 'lm', model: 'qwen', error: expect.stringMatching(/^HTTP 400: .*expected a string/), configPath: 'models.providers.lm.models[0]' },
        },
      ],
      fixed: { yes: true, config: (c) => expect(c.models.providers.lm.models[0].compat).toEqual(expect.objectContaining({ requiresStringContent: true })) },
    },
  ],
});
