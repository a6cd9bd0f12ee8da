import reachable from '../../../checks/remote/reachable.js';
import { testCheck } from '../../helpers/check-tester.js';
import { PROBES, quietOnProbes } from './probes.js';

const failing = ['connection refused', 'gateway starting', 'invalid URL', 'probe timed out'];

testCheck(reachable, {
  facts: PROBES,
  valid: quietOnProbes(failing),
  invalid: [
    { fixture: 'connection refused', findings: [{ severity: 'error', messageId: 'remote/reachable.gateway-reachable', params: { url: 'wss://gw.example.com', kind: 'refused', message: 'connection refused' }, cause: 'gateway-unreachable' }] },
    { fixture: 'gateway starting', findings: [{ severity: 'warning', messageId: 'remote/reachable.gateway-answers-but', params: { url: 'wss://gw.example.com', message: 'gateway starting; retry shortly' }, cause: 'gateway-starting' }] },
    { fixture: 'invalid URL', findings: [{ severity: 'error', messageId: 'remote/reachable.cannot-probe', params: { url: 'wss://gw.example.com', invalid: 'the scheme http: is not ws: or wss:' } }] },
    { fixture: 'probe timed out', findings: [{ severity: 'error', messageId: 'remote/reachable.remote-probe-did', params: { reason: 'remote did not answer within 5000 ms' }, cause: 'gateway-unreachable' }] },
  ],
});
