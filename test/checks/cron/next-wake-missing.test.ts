import nextWake from '../../../checks/cron/next-wake-missing.js';
import { quietOn, testCheck } from '../../helpers/check-tester.js';

testCheck(nextWake, {
  valid: quietOn(['subsystems-cron/next-wake-missing']),
  invalid: [{ fixture: 'subsystems-cron/next-wake-missing', findings: [{ severity: 'warning', messageId: 'cron/next-wake-missing.enabled-cron-job', params: { length: 1, ids: 'once', nothingToWake: false } }] }],
});
