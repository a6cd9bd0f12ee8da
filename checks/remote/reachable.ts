// Can this machine reach the gateway at all: a valid URL, something listening, a handshake that ends.
import { defineCheck, say } from '../../src/engine/check.js';
import { failureDetails, ownerOf, probeEvidence, remoteProbe, shown } from '../../src/engine/remote-check-helpers.js';

export default defineCheck({
  meta: {
    id: 'remote/reachable',
    area: 'remote',
    severity: 'error',
    facts: ['remote'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › Remote access',
  },
  detect(facts) {
    const f = facts.remote;
    if (f && !f.ok) return [{ checkId: 'remote/reachable', severity: 'error', ...say('remote/reachable.remote-probe-did', { reason: shown(f.reason) }), cause: 'gateway-unreachable', }];
    const p = remoteProbe(facts);
    const e = p?.connect.error;
    if (!p || !e || ownerOf(p) !== 'reachable') return [];
    if (p.invalid) return [{ checkId: 'remote/reachable', severity: 'error', ...say('remote/reachable.cannot-probe', { url: shown(p.url), invalid: p.invalid }) }];
    const base = { checkId: 'remote/reachable', evidence: [probeEvidence(p, e)], details: failureDetails(e) };
    if (e.kind === 'unavailable') {
      return [{ ...base, severity: 'warning', cause: 'gateway-starting', ...say('remote/reachable.gateway-answers-but', { url: p.url, message: shown(e.message) }) }];
    }
    const kind = e.kind === 'refused' || e.kind === 'timeout' ? e.kind : 'other';
    return [{ ...base, severity: 'error', cause: 'gateway-unreachable', ...say('remote/reachable.gateway-reachable', { url: p.url, kind, message: shown(e.message) }) }];
  },
});
