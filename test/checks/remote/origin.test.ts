import origin from '../../../checks/remote/origin.js';
import { testCheck } from '../../helpers/check-tester.js';
import { PROBES, quietOnProbes } from './probes.js';

const failing = ['Control UI origin refused'];

testCheck(origin, {
  facts: PROBES,
  valid: quietOnProbes(failing),
  invalid: [
    // The hint names the origin to allow.
    { fixture: 'Control UI origin refused', findings: [{ severity: 'warning', messageId: 'remote/origin.browser-opening-control', params: { origin: 'https://gw.example.com' }, fixHintId: 'remote/origin.browser-opening-control.fix', cause: 'origin-not-allowed' }] },
  ],
});
