// gateway.bind holding a host (0.0.0.0, 127.0.0.1, …) instead of a mode: migrate it.
import { configEvidence, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';
import { LEGACY_BIND_ALIASES } from '../../src/config/schema.js';

export default defineCheck({
  meta: {
    id: 'gateway/legacy-bind-alias',
    area: 'gateway',
    severity: 'warning',
    facts: ['config'],
    fix: 'safe',
    docs: 'seeds: Gateway runbook › bind modes',
  },
  detect(facts) {
    const p = parsedConfig(facts);
    const bind = p?.cfg.gateway?.bind;
    if (typeof bind !== 'string' || !Object.hasOwn(LEGACY_BIND_ALIASES, bind)) return [];
    const mode = LEGACY_BIND_ALIASES[bind];
    return [
      {
        checkId: 'gateway/legacy-bind-alias',
        severity: 'warning',
        ...say('gateway/legacy-bind-alias.gateway-bind-legacy', { value: JSON.stringify(bind), mode }),
        path: 'gateway.bind',
        cause: 'legacy-config-key',
        evidence: [configEvidence('gateway.bind', bind)],
        data: { mode },
      },
    ];
  },
  repair: (finding) => [{ op: 'config.set', path: 'gateway.bind', value: finding.data?.mode }],
});
