// gateway.token is a legacy key nothing reads. Fix: move its value to gateway.auth.token (never
// delete it, as upstream does); when both are set and differ, ask the user to choose.
import { isDeepStrictEqual } from 'node:util';
import { configEvidence, obj, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'gateway/legacy-token-key',
    area: 'gateway',
    severity: 'error',
    facts: ['config'],
    fix: 'safe',
    docs: 'seeds: Gateway troubleshooting › Auth detail codes (token mismatch)',
  },
  detect(facts) {
    const p = parsedConfig(facts);
    const gateway = obj(p?.config.raw?.gateway);
    if (!p || !('token' in gateway)) return [];
    const legacy = gateway.token;
    const current = obj(gateway.auth).token;
    const conflict = current !== undefined && !isDeepStrictEqual(current, legacy);
    return [
      {
        checkId: 'gateway/legacy-token-key',
        severity: 'error',
        ...say(conflict ? 'gateway/legacy-token-key.conflict' : 'gateway/legacy-token-key.legacy'),
        path: 'gateway.token',
        cause: 'legacy-config-key',
        evidence: [configEvidence('gateway.token', legacy), configEvidence('gateway.auth.token', current)],
        data: { conflict },
      },
    ];
  },
  repair: (finding) => (finding.data?.conflict ? [] : [{ op: 'config.move', from: 'gateway.token', to: 'gateway.auth.token' }]),
});
