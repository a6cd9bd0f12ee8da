import deliveryUnreachable from '../../../checks/channels/delivery-unreachable.js';
import { quietOn, testCheck } from '../../helpers/check-tester.js';

testCheck(deliveryUnreachable, {
  valid: quietOn(['subsystems-channels/delivery-unreachable']),
  invalid: [
    {
      fixture: 'subsystems-channels/delivery-unreachable',
      findings: [
        {
          severity: 'warning',
          messageId: 'channels/delivery-unreachable.cannot-deliver-replies',
          params: { channel: 'webhook', accountId: 'default', message: 'http://127.0.0.1:1/ is not reachable: ECONNREFUSED', configPath: 'channels.webhook' },
          path: 'channels.webhook.url',
        },
      ],
    },
  ],
});
