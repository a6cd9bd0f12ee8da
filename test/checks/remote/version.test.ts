import version from '../../../checks/remote/version.js';
import { testCheck } from '../../helpers/check-tester.js';
import { PROBES, quietOnProbes } from './probes.js';

const failing = ['older gateway'];

testCheck(version, {
  facts: PROBES,
  valid: quietOnProbes(failing),
  invalid: [
    { fixture: 'older gateway', findings: [{ severity: 'warning', messageId: 'remote/version.gateway-runs-speaks', params: { url: 'wss://gw.example.com', version: '2026.4.2', protocol: 3, PROTOCOL_MAX: 4 } }] },
  ],
});
