import restartDisabled from '../../../checks/gateway/restart-disabled.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(restartDisabled, {
  valid: ['healthy', 'mode-unset', 'config-unparseable'],
  invalid: [{ fixture: 'restart-disabled', findings: [{ severity: 'warning', messageId: 'gateway/restart-disabled.message', params: {}, path: 'commands.restart', cause: 'restart-disabled' }] }],
});
