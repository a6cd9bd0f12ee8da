import quietHours from '../../../checks/heartbeat/quiet-hours.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(quietHours, {
  valid: ['healthy'],
  invalid: [
    {
      fixture: 'heartbeat-quiet-hours',
      findings: [{ severity: 'info', messageId: 'heartbeat/quiet-hours.outside-activehours-now', params: { start: '20:00', end: '23:00', tz: 'UTC' }, path: 'agents.defaults.heartbeat.activeHours' }],
    },
  ],
});
