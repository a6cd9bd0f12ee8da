// The Control UI opened at the gateway's own address would be refused: its origin is not allowed.
import { defineCheck } from '../../src/engine/check.js';
import { failureDetails, probeEvidence, remoteProbe } from '../../src/engine/remote-check-helpers.js';

export default defineCheck({
  meta: {
    id: 'remote/origin',
    title: "The Control UI may connect from the gateway's address",
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
        message: `A browser opening the Control UI at ${p.origin.origin} would be refused: that origin is not allowed.`,
        fixHint: `On the gateway host: \`openclaw config set gateway.controlUi.allowedOrigins '["${p.origin.origin}"]'\``,
        evidence: [probeEvidence(p, p.origin.failure)],
        ...(p.origin.failure && { details: failureDetails(p.origin.failure) }),
      },
    ];
  },
});
