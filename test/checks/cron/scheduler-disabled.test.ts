import { expect } from 'vitest';
import cronDisabled from '../../../checks/cron/scheduler-disabled.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(cronDisabled, {
  valid: ['healthy'],
  invalid: [
    {
      fixture: 'cron-disabled',
      findings: [
        {
          severity: 'warning',
          messageId: 'cron/scheduler-disabled.cron-enabled-false',
          params: { count: 1, jobs: 'daily digest', more: false },
          path: 'cron.enabled',
          evidence: expect.arrayContaining([expect.objectContaining({ kind: 'log' })]),
        },
      ],
      fixed: { yes: true, config: (c) => expect(c.cron.enabled).toBe(true) },
    },
  ],
});
