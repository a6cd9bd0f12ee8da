import protocol from '../../../checks/remote/protocol.js';
import { testCheck } from '../../helpers/check-tester.js';
import { PROBES, quietOnProbes } from './probes.js';

const failing = ['protocol mismatch'];

testCheck(protocol, {
  facts: PROBES,
  valid: quietOnProbes(failing),
  invalid: [
    { fixture: 'protocol mismatch', findings: [{ severity: 'error', messageId: 'remote/protocol.gateway-speaks-protocol', params: { url: 'wss://gw.example.com', exp: '5' }, cause: 'protocol-mismatch' }] },
  ],
});
