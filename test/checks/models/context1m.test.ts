import { expect } from 'vitest';
import context1m from '../../../checks/models/context1m.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(context1m, {
  valid: ['healthy'],
  invalid: [
    {
      fixture: 'models-context1m',
      findings: [
        {
          severity: 'warning',
          messageId: 'models/context1m.has-context1m-enabled',
          params: { key: 'anthropic/claude-opus-4' },
          path: 'agents.defaults.models["anthropic/claude-opus-4"].params.context1m',
        },
      ],
      fixed: { yes: true, config: (c) => expect(c.agents.defaults.models['anthropic/claude-opus-4'].params.context1m).toBe(false) },
    },
  ],
});
