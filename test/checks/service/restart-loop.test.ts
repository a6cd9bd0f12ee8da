import { expect } from 'vitest';
import restartLoop from '../../../checks/service/restart-loop.js';
import { testCheck } from '../../helpers/check-tester.js';
import { quietOnServices, SERVICES, TOKENS } from './situations.js';

const loop = { name: 'openclaw-gateway.service', restart: 'always', port: 18789, file: expect.stringMatching(/\/state\/logs\/gateway\.err\.log$/) };

// One port-conflict line without a restart count is not a loop (service-restart-once).
testCheck(restartLoop, {
  facts: SERVICES,
  neverShows: TOKENS,
  valid: quietOnServices(['service-restart-loop', 'service-restart-once, NRestarts=7']),
  invalid: [
    { fixture: 'service-restart-loop', findings: [{ severity: 'error', messageId: 'service/restart-loop.restart-keeps-restarting', params: { ...loop, lines: 5, restarts: null }, cause: 'port-conflict' }] },
    // NRestarts from systemd makes a single conflict line enough evidence.
    { fixture: 'service-restart-once, NRestarts=7', findings: [{ severity: 'error', messageId: 'service/restart-loop.restart-keeps-restarting', params: { ...loop, lines: 1, restarts: 7 } }] },
  ],
});
