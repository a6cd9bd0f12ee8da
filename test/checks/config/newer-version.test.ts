import newerVersion from '../../../checks/config/newer-version.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(newerVersion, {
  valid: ['healthy'],
  invalid: [{ fixture: 'config-newer-version', findings: [{ severity: 'warning', messageId: 'config/newer-version.config-was-last', params: { v: '2026.12.3' }, path: 'meta.lastTouchedVersion' }] }],
});
