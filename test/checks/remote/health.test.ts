import health from '../../../checks/remote/health.js';
import { testCheck } from '../../helpers/check-tester.js';
import { PROBES, quietOnProbes } from './probes.js';

const failing = ['health RPC failed', 'unhealthy gateway'];

testCheck(health, {
  facts: PROBES,
  valid: quietOnProbes(failing),
  invalid: [
    { fixture: 'health RPC failed', findings: [{ severity: 'error', messageId: 'remote/health.connected-but-health', params: { url: 'wss://gw.example.com', message: 'health failed' }, cause: 'gateway-unreachable' }] },
    { fixture: 'unhealthy gateway', findings: [{ severity: 'error', messageId: 'remote/health.gateway-says-healthy', params: { url: 'wss://gw.example.com' } }] },
  ],
});
