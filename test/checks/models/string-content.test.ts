import { expect } from 'vitest';
import stringContent from '../../../checks/models/string-content.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(stringContent, {
  valid: ['healthy'],
  invalid: [
    {
      fixture: 'models-string-content',
      findings: [{ severity: 'warning', messageId: 'models/string-content.one', params: { provider: 'local' }, path: 'models.providers.local' }],
      fixed: { config: (c) => expect(c.models.providers.local.models[0].compat).toEqual({ requiresStringContent: true }) },
    },
  ],
});
