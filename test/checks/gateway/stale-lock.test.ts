import { expect } from 'vitest';
import staleLock from '../../../checks/gateway/stale-lock.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(staleLock, {
  valid: ['healthy', 'gateway-down'],
  invalid: [
    {
      fixture: 'stale-lock',
      findings: [{ severity: 'warning', messageId: 'gateway/stale-lock.pid-gone', params: { pid: 4242 }, evidence: [expect.objectContaining({ value: expect.stringContaining('pid 4242') })], data: expect.objectContaining({ pid: 4242 }) }],
    },
  ],
  // Removing a lock a real process left behind: run there.
  repairTestedIn: 'test/e2e/doctor-processes.test.ts',
});
