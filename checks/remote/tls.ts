// wss:// whose TLS handshake fails: an untrusted, expired or wrong-host certificate.
import { defineCheck, say } from '../../src/engine/check.js';
import { failureDetails, ownerOf, probeEvidence, remoteProbe, shown } from '../../src/engine/remote-check-helpers.js';

export default defineCheck({
  meta: {
    id: 'remote/tls',
    area: 'remote',
    severity: 'error',
    facts: ['remote'],
    fix: 'none',
    docs: 'seeds: Gateway security › TLS in front of the gateway',
  },
  detect(facts) {
    const p = remoteProbe(facts);
    const e = p?.connect.error;
    if (!p || !e || ownerOf(p) !== 'tls') return [];
    return [
      {
        checkId: 'remote/tls',
        severity: 'error',
        ...say('remote/tls.tls-handshake-failed', { host: p.host, message: shown(e.message) }),
        evidence: [probeEvidence(p, e)],
        details: failureDetails(e),
      },
    ];
  },
});
