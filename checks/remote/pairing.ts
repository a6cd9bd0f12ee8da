// The gateway wants this machine's device approved: a pending pairing request to act on.
import { defineCheck, say } from '../../src/engine/check.js';
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
    return [
      {
        checkId: 'remote/pairing',
        severity: blocking ? 'error' : 'warning',
        cause: 'pairing-required',
        ...say(blocking ? 'remote/pairing.blocking' : 'remote/pairing.scopes', { url: p.url, requestId: e.requestId ?? null }, 'remote/pairing.fix'),
        evidence: [probeEvidence(p, e)],
        details: failureDetails(e),
      },
    ];
  },
});
