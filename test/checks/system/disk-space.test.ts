import diskSpace from '../../../checks/system/disk-space.js';
import { testCheck } from '../../helpers/check-tester.js';

const disk = { path: '/home/user/.openclaw', inodesOut: false, freeInodes: 802133, total: '20.0 GiB' };

testCheck(diskSpace, {
  valid: ['healthy', 'memory-oom-killed'],
  invalid: [
    { fixture: 'disk-full', findings: [{ severity: 'error', messageId: 'system/disk-space.file-system-config', params: { ...disk, available: '40 MiB', severity: 'error' }, cause: 'disk-full' }] },
    // Low, not out: a warning that writes may soon fail.
    { fixture: 'disk-low', findings: [{ severity: 'warning', messageId: 'system/disk-space.file-system-config', params: { ...disk, available: '700 MiB', severity: 'warning' } }] },
  ],
});
