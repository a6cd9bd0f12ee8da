import { expect } from 'vitest';
import emptyFile from '../../../checks/heartbeat/empty-file.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(emptyFile, {
  valid: ['healthy', 'heartbeat-no-tasks-due'],
  invalid: [
    {
      fixture: 'heartbeat-empty-file',
      findings: [{ severity: 'warning', messageId: 'heartbeat/empty-file.has-only-blank', params: { path: expect.stringMatching(/\/workspace\/HEARTBEAT\.md$/) } }],
    },
  ],
});
