import pairing from '../../../checks/remote/pairing.js';
import { testCheck } from '../../helpers/check-tester.js';
import { PROBES, quietOnProbes } from './probes.js';

const failing = ['pairing required', 'pairing pending, worked around'];

testCheck(pairing, {
  facts: PROBES,
  valid: quietOnProbes(failing),
  invalid: [
    { fixture: 'pairing required', findings: [{ severity: 'error', messageId: 'remote/pairing.blocking', params: { url: 'wss://gw.example.com', requestId: 'r1' }, cause: 'pairing-required' }] },
    // Worked around, still pending: a warning naming the request (its id is the hint's param).
    { fixture: 'pairing pending, worked around', findings: [{ severity: 'warning', messageId: 'remote/pairing.scopes', params: { url: 'wss://gw.example.com', requestId: 'req-42' }, fixHintId: 'remote/pairing.fix', cause: 'pairing-required' }] },
  ],
});
