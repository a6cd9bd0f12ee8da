import { expect } from 'vitest';
import notRunning from '../../../checks/gateway/not-running.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(notRunning, {
  valid: ['healthy', 'port-conflict-foreign', 'mode-remote'],
  invalid: [
    { fixture: 'gateway-down', findings: [{ severity: 'warning', messageId: 'gateway/not-running.no-gateway-listening-2', params: { url: 'ws://127.0.0.1:18789' } }] },
    // The lock's owner is alive: say which port it chose instead of "not running".
    {
      fixture: 'gateway-other-port',
      findings: [
        {
          severity: 'warning',
          messageId: 'gateway/not-running.elsewhere',
          params: { url: 'ws://127.0.0.1:18789', pid: 6547, port: '18999' },
          fixHintId: 'gateway/not-running.elsewhere.fix',
          evidence: expect.arrayContaining([expect.objectContaining({ kind: 'process', value: expect.stringContaining('gateway --port 18999') })]),
          // What the confirm repair stops (port.free identifies it again first).
          data: expect.objectContaining({ pid: 6547, port: 18999 }),
        },
      ],
    },
  ],
  // Stopping or starting a gateway: run against a real one there.
  repairTestedIn: 'test/e2e/doctor-real-gateway.test.ts',
});
