import permissionError from '../../../checks/channels/permission-error.js';
import { quietOn, testCheck } from '../../helpers/check-tester.js';

// A transient error (subsystems-channels/transient-error) is not a permission problem.
testCheck(permissionError, {
  valid: quietOn(['subsystems-channels/permission-error']),
  invalid: [
    {
      fixture: 'subsystems-channels/permission-error',
      findings: [
        {
          severity: 'error',
          messageId: 'channels/permission-error.delivery-refused',
          params: { channel: 'webhook', accountId: 'default', message: 'HTTP 403 Forbidden: missing_scope', code: 'missing_scope', configPath: 'channels.webhook' },
          fixHintId: 'channels/permission-error.scope.fix',
          path: 'channels.webhook.token',
        },
      ],
    },
  ],
});
