import pairing from '../../../checks/devices/pairing-pending.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(pairing, {
  valid: ['healthy'],
  // The hint names the request to approve (its id is a param).
  invalid: [{ fixture: 'pairing-required', findings: [{ severity: 'warning', messageId: 'devices/pairing-pending.device-waiting-approval', params: { count: 1, requestId: 'req-7f3a' }, fixHintId: 'devices/pairing-pending.device-waiting-approval.fix' }] }],
});
