import tls from '../../../checks/remote/tls.js';
import { testCheck } from '../../helpers/check-tester.js';
import { PROBES, quietOnProbes } from './probes.js';

const failing = ['self-signed certificate'];

testCheck(tls, {
  facts: PROBES,
  valid: quietOnProbes(failing),
  invalid: [
    { fixture: 'self-signed certificate', findings: [{ severity: 'error', messageId: 'remote/tls.tls-handshake-failed', params: { host: 'gw.example.com', message: 'DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate' } }] },
  ],
});
