import jobFailing from '../../../checks/cron/job-failing.js';
import { quietOn, testCheck } from '../../helpers/check-tester.js';

const failing = ['subsystems-cron/failing'];

testCheck(jobFailing, {
  valid: quietOn(failing),
  invalid: [
    {
      // Four failures in a row is an error; one is a warning.
      fixture: 'subsystems-cron/failing',
      findings: [
        { severity: 'error', messageId: 'cron/job-failing.cron-job-failed', params: { id: 'j1', name: null, consecutiveErrors: 4, error: 'fetch failed' } },
        { severity: 'warning', messageId: 'cron/job-failing.cron-job-failed', params: { id: 'j2', name: null, consecutiveErrors: 1, error: 'boom' } },
      ],
    },
  ],
});
