// The gateway wants this machine's device approved: a pending pairing request to act on.
import { defineCheck } from '../../src/engine/check.js';
import { failureDetails, ownerOf, probeEvidence, remoteProbe } from '../../src/engine/remote-check-helpers.js';

export default defineCheck({
  meta: {
    id: 'remote/pairing',
    area: 'remote',
    severity: 'error',
    facts: ['remote'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › Pairing required',
  },
  detect(facts) {
    const p = remoteProbe(facts);
    if (!p) return [];
    // Refused even without the device: nothing gets in until a device is approved.
    const blocking = ownerOf(p) === 'pairing' ? p.connect.error : undefined;
    const e = blocking ?? p.pairing;
    if (!e) return [];
    const approve = `\`openclaw devices approve ${e.requestId ?? '<requestId>'}\` (on the gateway host)`;
    return [
      {
        checkId: 'remote/pairing',
        severity: blocking ? 'error' : 'warning',
        cause: 'pairing-required',
        message: blocking
          ? `The gateway at ${p.url} lets no client in until its device is approved (pairing required${e.requestId ? `, request ${e.requestId}` : ''}).`
          : `The gateway at ${p.url} has not approved this machine's device (request ${e.requestId ?? 'pending'}); the checks went on with the shared secret alone, which grants no operator scopes.`,
        fixHint: approve,
        evidence: [probeEvidence(p, e)],
        details: failureDetails(e),
      },
    ];
  },
});
