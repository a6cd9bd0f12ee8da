import plaintext from '../../../checks/remote/plaintext.js';
import { testCheck } from '../../helpers/check-tester.js';
import { PROBES, quietOnProbes } from './probes.js';

const failing = ['ws:// off loopback, secret kept back', 'ws:// off loopback, no secret'];

testCheck(plaintext, {
  facts: PROBES,
  valid: quietOnProbes(failing),
  invalid: [
    // With a secret (kept back, not sent) an error; without one a warning; on loopback nothing.
    { fixture: 'ws:// off loopback, secret kept back', findings: [{ severity: 'error', messageId: 'remote/plaintext.secret', params: { url: 'ws://10.0.0.5:18789', host: '10.0.0.5', credential: 'token' }, fixHintId: 'remote/plaintext.fix' }] },
    { fixture: 'ws:// off loopback, no secret', findings: [{ severity: 'warning', messageId: 'remote/plaintext.open', params: { url: 'ws://10.0.0.5:18789', host: '10.0.0.5', credential: 'none' } }] },
  ],
});
