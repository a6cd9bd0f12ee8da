import lockDirUnsafe from '../../../checks/gateway/lock-dir-unsafe.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(lockDirUnsafe, {
  valid: ['healthy', 'stale-lock'],
  invalid: [
    {
      fixture: 'lock-dir-unsafe',
      findings: [
        {
          severity: 'error',
          messageId: 'gateway/lock-dir-unsafe.gateway-lock-folder',
          params: { dir: '/tmp/openclaw-1000', dirProblem: 'is writable by other users (mode 0777)' },
          cause: 'lock-dir-unsafe',
          evidence: [{ kind: 'file', source: '/tmp/openclaw-1000', value: 'is writable by other users (mode 0777)' }],
        },
      ],
    },
  ],
});
