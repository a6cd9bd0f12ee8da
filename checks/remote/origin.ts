// The Control UI opened at the gateway's own address would be refused: its origin is not allowed.
import { defineCheck, say } from '../../src/engine/check.js';
import { failureDetails, probeEvidence, remoteProbe } from '../../src/engine/remote-check-helpers.js';

export default defineCheck({
  meta: {
    id: 'remote/origin',
    area: 'remote',
    severity: 'warning',
    facts: ['remote'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › Control UI origin not allowed',
  },
  detect(facts) {
    const p = remoteProbe(facts);
    if (!p?.origin || p.origin.allowed !== false) return [];
    return [
      {
        checkId: 'remote/origin',
        severity: 'warning',
        cause: 'origin-not-allowed',
        ...say('remote/origin.browser-opening-control', { origin: p.origin.origin }),
        evidence: [probeEvidence(p, p.origin.failure)],
        ...(p.origin.failure && { details: failureDetails(p.origin.failure) }),
      },
    ];
  },
});
