import contextSmall from '../../../checks/models/context-window-small.js';
import { quietOn, testCheck } from '../../helpers/check-tester.js';

const limits = { provider: 'lm', model: 'qwen', min: 16000, warn: 32000 };

testCheck(contextSmall, {
  valid: quietOn(['subsystems-models/small-context']),
  invalid: [
    {
      // Below the minimum is an error; below the recommended size a warning.
      fixture: 'subsystems-models/small-context',
      findings: [
        { severity: 'error', messageId: 'models/context-window-small.has-contextwindow-minimum', params: { ...limits, contextWindow: 8192, tooSmall: true }, path: 'models.providers.lm.models[0].contextWindow' },
        { severity: 'warning', messageId: 'models/context-window-small.has-contextwindow-minimum', params: { ...limits, contextWindow: 24000, tooSmall: false }, path: 'models.providers.lm.models[1].contextWindow' },
      ],
    },
  ],
});
