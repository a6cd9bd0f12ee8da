import nodeVersion from '../../../checks/system/node-version.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(nodeVersion, {
  valid: ['healthy'],
  invalid: [{ fixture: 'node-too-old', findings: [{ severity: 'error', messageId: 'system/node-version.node-js-v', params: { nodeVersion: '18.19.1', MIN_NODE: '20.19.0' } }] }],
});
