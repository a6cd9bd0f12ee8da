import { expect } from 'vitest';
import approvalRequired from '../../../checks/nodes/approval-required.js';
import { quietOn, testCheck } from '../../helpers/check-tester.js';

const file = expect.stringMatching(/\/exec-approvals\.json$/);

testCheck(approvalRequired, {
  valid: quietOn(['subsystems-nodes/approval-required']),
  invalid: [
    {
      fixture: 'subsystems-nodes/approval-required',
      findings: [
        { severity: 'warning', messageId: 'nodes/approval-required.node', params: { nodeId: 'n1', message: 'SYSTEM_RUN_DENIED: allowlist miss', file, ask: 'off' }, fixHintId: 'nodes/approval-required.allowlist.fix' },
        { severity: 'warning', messageId: 'nodes/approval-required.node', params: { nodeId: 'n1', message: 'SYSTEM_RUN_DENIED: approval required', file, ask: 'off' }, fixHintId: 'nodes/approval-required.ask.fix' },
      ],
    },
  ],
});
