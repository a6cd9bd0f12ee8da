import dmBlocked from '../../../checks/heartbeat/dm-blocked.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(dmBlocked, {
  valid: ['healthy'],
  invalid: [{ fixture: 'heartbeat-dm-blocked', findings: [{ severity: 'warning', messageId: 'heartbeat/dm-blocked.heartbeats-go-direct', params: {}, path: 'agents.defaults.heartbeat.directPolicy' }] }],
});
