import { expect } from 'vitest';
import memoryPressure from '../../../checks/system/memory-pressure.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(memoryPressure, {
  valid: ['healthy', 'disk-full'],
  invalid: [
    {
      fixture: 'memory-oom-killed',
      findings: [
        {
          severity: 'error',
          messageId: 'system/memory-pressure.kernel-oom-killer',
          params: { oomKills: 2, of: 'gateway', limit: '512 MiB' },
          fixHintId: 'system/memory-pressure.raise-limit.fix',
          cause: 'oom',
          evidence: expect.arrayContaining([expect.objectContaining({ source: expect.stringContaining('openclaw-gateway.service oom_kill'), value: '2' })]),
        },
      ],
    },
    {
      fixture: 'memory-cgroup-limit',
      findings: [
        { severity: 'warning', messageId: 'system/memory-pressure.uses-memory-limit', params: { of: 'self', usageBytes: '470 MiB', limitBytes: '512 MiB' } },
        { severity: 'warning', messageId: 'system/memory-pressure.every-task-machine', params: { pressureFullAvg60: 12.5 } },
      ],
    },
  ],
});
