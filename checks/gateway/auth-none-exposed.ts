// auth.mode none on a non-loopback bind: anyone on the network can drive the gateway.
import { bindRef, configEvidence, describeBind, exposure, parsedConfig, serverAuth, switchToTokenAuth } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'gateway/auth-none-exposed',
    area: 'gateway',
    severity: 'error',
    facts: ['config'],
    fix: 'confirm',
    docs: 'seeds: Gateway troubleshooting › bind and auth guardrails',
  },
  detect(facts) {
    const p = parsedConfig(facts);
    if (!p) return [];
    const x = exposure(p.config);
    if (!x.exposed || serverAuth(p.config).mode.value !== 'none') return [];
    return [
      {
        checkId: 'gateway/auth-none-exposed',
        severity: 'error',
        ...say('gateway/auth-none-exposed.gateway-auth-mode', { x: describeBind(x), xRef: bindRef(x) }),
        path: 'gateway.auth.mode',
        cause: 'bind-without-auth',
        evidence: [configEvidence('gateway.auth.mode', 'none'), configEvidence('gateway.bind', x.raw)],
      },
    ];
  },
  repair: (_f, facts) => switchToTokenAuth(parsedConfig(facts)?.cfg),
});
