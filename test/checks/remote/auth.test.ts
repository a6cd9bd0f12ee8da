import auth from '../../../checks/remote/auth.js';
import { testCheck } from '../../helpers/check-tester.js';
import { PROBES, quietOnProbes } from './probes.js';

const failing = ['ws:// off loopback, secret kept back', 'token mismatch', 'control characters from the peer', 'open gateway'];

testCheck(auth, {
  facts: PROBES,
  valid: quietOnProbes(failing),
  invalid: [
    // Over ws:// the secret was kept back, so auth was not tested.
    { fixture: 'ws:// off loopback, secret kept back', findings: [{ severity: 'warning', messageId: 'remote/auth.auth-was-tested', params: { credential: 'token', host: '10.0.0.5' } }] },
    {
      fixture: 'token mismatch',
      findings: [{ severity: 'error', messageId: 'remote/auth.rejected-token-gateway', params: { url: 'wss://gw.example.com', message: 'unauthorized' }, cause: 'token-mismatch', details: { kind: 'auth', code: 'AUTH_TOKEN_MISMATCH' } }],
    },
    // Control characters from the peer are shown escaped.
    { fixture: 'control characters from the peer', findings: [{ severity: 'error', messageId: 'remote/auth.refused', params: { url: 'wss://gw.example.com', message: 'bad\\u001b[31m\\u000aline' }, details: { kind: 'auth', code: 'AUTH_WEIRD' } }] },
    { fixture: 'open gateway', findings: [{ severity: 'error', messageId: 'remote/auth.gateway-lets-anyone', params: { url: 'wss://gw.example.com' }, cause: 'bind-without-auth' }] },
  ],
});
