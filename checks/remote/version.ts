// An older gateway: it still connects, on protocol 3 (OpenClaw 2026.4.x), and misses what 4 adds.
import { defineCheck } from '../../src/engine/check.js';
import { PROTOCOL_MAX } from '../../src/protocol/constants.js';
import { remoteProbe, shown } from '../../src/engine/remote-check-helpers.js';

export default defineCheck({
  meta: {
    id: 'remote/version',
    title: 'The remote gateway runs a current version',
    area: 'remote',
    severity: 'warning',
    facts: ['remote'],
    fix: 'none',
    docs: 'reference: openclaw-compat › version notes (protocol 3 = 2026.4.x, 4 = 2026.7+)',
  },
  detect(facts) {
    const p = remoteProbe(facts);
    if (!p?.connect.ok || p.connect.protocol === undefined || p.connect.protocol >= PROTOCOL_MAX) return [];
    const version = p.connect.serverVersion ? shown(p.connect.serverVersion) : 'an unknown version';
    return [
      {
        checkId: 'remote/version',
        severity: 'warning',
        message: `The gateway at ${p.url} runs ${version} and speaks protocol ${p.connect.protocol}; current gateways speak ${PROTOCOL_MAX}.`,
        fixHint: 'Update OpenClaw on the gateway host',
        evidence: [{ kind: 'probe', source: p.url, value: `protocol ${p.connect.protocol}, version ${version}` }],
      },
    ];
  },
});
