// wss:// whose TLS handshake fails: an untrusted, expired or wrong-host certificate.
import { defineCheck } from '../../src/engine/check.js';
import { failureDetails, ownerOf, probeEvidence, remoteProbe, shown } from '../../src/engine/remote-check-helpers.js';

export default defineCheck({
  meta: {
    id: 'remote/tls',
    title: 'TLS to the remote gateway works',
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
        message: `The TLS handshake with ${p.host} failed: ${shown(e.message)}.`,
        fixHint: 'Serve a certificate this machine trusts for that host name (NODE_EXTRA_CA_CERTS adds a private CA)',
        evidence: [probeEvidence(p, e)],
        details: failureDetails(e),
      },
    ];
  },
});
