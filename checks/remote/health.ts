// Connected, but the gateway's own health call fails or says it is not ok.
import { obj } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';
import { failureDetails, ownerOf, probeEvidence, remoteProbe, shown } from '../../src/engine/remote-check-helpers.js';

export default defineCheck({
  meta: {
    id: 'remote/health',
    area: 'remote',
    severity: 'error',
    facts: ['remote'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › Health',
  },
  detect(facts) {
    const p = remoteProbe(facts);
    if (!p || !p.connect.ok) return [];
    const e = p.connect.error;
    if (e && ownerOf(p) === 'health') {
      return [{ checkId: 'remote/health', severity: 'error', ...say('remote/health.connected-but-health', { url: p.url, message: shown(e.message) }), evidence: [probeEvidence(p, e)], details: failureDetails(e), cause: 'gateway-unreachable' }];
    }
    const health = obj(p.health);
    if (health.ok === false) {
      return [{ checkId: 'remote/health', severity: 'error', ...say('remote/health.gateway-says-healthy', { url: p.url }), evidence: [{ kind: 'probe', source: p.url, value: shown(JSON.stringify(p.health).slice(0, 300)) }] }];
    }
    return [];
  },
});
