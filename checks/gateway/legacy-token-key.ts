// gateway.token is a legacy key nothing reads. Fix: move its value to gateway.auth.token (never
// delete it, as upstream does); when both are set and differ, ask the user to choose.
import { isDeepStrictEqual } from 'node:util';
import { configEvidence, obj, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'gateway/legacy-token-key',
    title: 'gateway.token is not read; the token belongs in gateway.auth.token',
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
        message: conflict
          ? 'gateway.token (legacy, ignored) and gateway.auth.token are both set and differ: clients using the old token get "token mismatch".'
          : 'gateway.token is a legacy key the gateway ignores (the config fails validation); its value belongs in gateway.auth.token.',
        path: 'gateway.token',
        fixHint: conflict
          ? 'Keep the token your clients use: `openclaw config unset gateway.token` or move it with `openclaw config set gateway.auth.token …`'
          : '`openclaw doctor --fix` (moves the value to gateway.auth.token)',
        cause: 'legacy-config-key',
        evidence: [configEvidence('gateway.token', legacy), configEvidence('gateway.auth.token', current)],
        data: { conflict },
      },
    ];
  },
  repair: (finding) => (finding.data?.conflict ? [] : [{ op: 'config.move', from: 'gateway.token', to: 'gateway.auth.token' }]),
});
