import { expect } from 'vitest';
import portConflict from '../../../checks/gateway/port-conflict.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(portConflict, {
  valid: ['healthy', 'gateway-down', 'stale-lock', 'gateway-starting'],
  invalid: [
    {
      fixture: 'port-conflict-foreign',
      findings: [
        {
          severity: 'error',
          messageId: 'gateway/port-conflict.foreign',
          params: { port: 18789, pid: 31337, command: 'python3 -m http.server 18789', stop: 'kill 31337' },
          evidence: expect.arrayContaining([{ kind: 'process', source: 'pid 31337', value: 'python3 -m http.server 18789' }]),
          data: expect.objectContaining({ kind: 'foreign' }),
        },
      ],
    },
    {
      fixture: 'port-conflict-ssh',
      findings: [{ severity: 'error', messageId: 'gateway/port-conflict.ssh-tunnel', params: { pid: 2020, port: 18789, stop: 'kill 2020' }, data: expect.objectContaining({ kind: 'ssh-tunnel', pid: 2020 }) }],
    },
    {
      fixture: 'port-conflict-other-gateway',
      findings: [
        {
          severity: 'error',
          messageId: 'gateway/port-conflict.other-gateway',
          params: { pid: 5150, port: 18789, stateDir: '/home/user/.openclaw-work', profile: 'work', stop: 'kill 5150' },
          data: expect.objectContaining({ kind: 'other-gateway' }),
        },
      ],
    },
    // Held by this config's own gateway, which does not answer.
    {
      fixture: 'port-conflict-stale-gateway',
      findings: [{ severity: 'error', messageId: 'gateway/port-conflict.this-gateway', params: { pid: 4242, port: 18789 }, data: expect.objectContaining({ kind: 'this-gateway', pid: 4242 }) }],
    },
  ],
  // Stopping a process: run against real processes there.
  repairTestedIn: 'test/e2e/doctor-processes.test.ts',
});
