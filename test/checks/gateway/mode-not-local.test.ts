import modeNotLocal from '../../../checks/gateway/mode-not-local.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(modeNotLocal, {
  valid: ['healthy', 'mode-unset'],
  invalid: [{ fixture: 'mode-remote', findings: [{ severity: 'error', messageId: 'gateway/mode-not-local.gateway-mode-local', params: { value: '"remote"', mode: 'remote' } }] }],
});
