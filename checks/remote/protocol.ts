// Client and gateway share no protocol version (this toolkit speaks 3–4).
import { defineCheck, say } from '../../src/engine/check.js';
import { failureDetails, ownerOf, probeEvidence, remoteProbe } from '../../src/engine/remote-check-helpers.js';

export default defineCheck({
  meta: {
    id: 'remote/protocol',
    area: 'remote',
    severity: 'error',
    facts: ['remote'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › Protocol mismatch',
  },
  detect(facts) {
    const p = remoteProbe(facts);
    const e = p?.connect.error;
    if (!p || !e || ownerOf(p) !== 'protocol') return [];
    const exp = typeof e.expectedProtocol === 'number' ? String(e.expectedProtocol) : e.expectedProtocol ? `${e.expectedProtocol.min}–${e.expectedProtocol.max}` : null;
    return [
      {
        checkId: 'remote/protocol',
        severity: 'error',
        cause: 'protocol-mismatch',
        ...say('remote/protocol.gateway-speaks-protocol', { url: p.url, exp }),
        evidence: [probeEvidence(p, e)],
        details: failureDetails(e),
      },
    ];
  },
});
