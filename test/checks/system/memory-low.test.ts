import memoryLow from '../../../checks/system/memory-low.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(memoryLow, {
  valid: ['healthy'],
  invalid: [{ fixture: 'memory-low', findings: [{ severity: 'warning', messageId: 'system/memory-low.only-memory-available', params: { memAvailableBytes: '120 MiB', memTotalBytes: '8192 MiB' } }] }],
});
