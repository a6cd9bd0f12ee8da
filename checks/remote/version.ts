// An older gateway: it still connects, on protocol 3 (OpenClaw 2026.4.x), and misses what 4 adds.
import { en } from '../../src/i18n/index.js';
import { defineCheck, say } from '../../src/engine/check.js';
import { PROTOCOL_MAX } from '../../src/protocol/constants.js';
import { remoteProbe, shown } from '../../src/engine/remote-check-helpers.js';

export default defineCheck({
  meta: {
    id: 'remote/version',
    area: 'remote',
    severity: 'warning',
    facts: ['remote'],
    fix: 'none',
    docs: 'reference: openclaw-compat › version notes (protocol 3 = 2026.4.x, 4 = 2026.7+)',
  },
  detect(facts) {
    const p = remoteProbe(facts);
    if (!p?.connect.ok || p.connect.protocol === undefined || p.connect.protocol >= PROTOCOL_MAX) return [];
    const version = p.connect.serverVersion ? shown(p.connect.serverVersion) : null;
    return [
      {
        checkId: 'remote/version',
        severity: 'warning',
        ...say('remote/version.gateway-runs-speaks', { url: p.url, version, protocol: p.connect.protocol, PROTOCOL_MAX }),
        evidence: [{ kind: 'probe', source: p.url, value: en('remote/version.evidence', { protocol: p.connect.protocol, version }) }],
      },
    ];
  },
});
