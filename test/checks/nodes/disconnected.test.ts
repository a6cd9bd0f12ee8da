import disconnected from '../../../checks/nodes/disconnected.js';
import { quietOn, testCheck } from '../../helpers/check-tester.js';

// A node that came back (subsystems-nodes/reconnected) is not reported.
testCheck(disconnected, {
  valid: quietOn(['subsystems-nodes/disconnected']),
  invalid: [{ fixture: 'subsystems-nodes/disconnected', findings: [{ severity: 'warning', messageId: 'nodes/disconnected.offline', params: { node: 'Pixel', lastSeen: '2026-11-21T22:10:00.000Z', command: 'system.run' } }] }],
});
