import { expect } from 'vitest';
import noTasks from '../../../checks/heartbeat/no-tasks-due.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(noTasks, {
  valid: ['healthy', 'heartbeat-empty-file'],
  invalid: [
    {
      fixture: 'heartbeat-no-tasks-due',
      findings: [
        {
          severity: 'info',
          messageId: 'heartbeat/no-tasks-due.heartbeat-tasks-block',
          params: { path: expect.stringMatching(/\/workspace\/HEARTBEAT\.md$/) },
          evidence: [expect.objectContaining({ kind: 'file' }), expect.objectContaining({ kind: 'log' })],
        },
      ],
    },
  ],
});
