import pairingPending from '../../../checks/channels/pairing-pending.js';
import { quietOn, testCheck } from '../../helpers/check-tester.js';

// An expired request (subsystems-channels/pairing-expired) is not pending.
testCheck(pairingPending, {
  valid: quietOn(['subsystems-channels/pairing-pending']),
  invalid: [
    {
      fixture: 'subsystems-channels/pairing-pending',
      findings: [{ severity: 'warning', messageId: 'channels/pairing-pending.pairing-request-s', params: { length: 1, channel: 'webhook', accountId: 'default', requests: 'u7 (code ABCD2345)', code: 'ABCD2345' } }],
    },
  ],
});
