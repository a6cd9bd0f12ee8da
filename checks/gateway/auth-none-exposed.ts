// auth.mode none on a non-loopback bind: anyone on the network can drive the gateway.
import { configEvidence, describeBind, exposure, parsedConfig, serverAuth, switchToTokenAuth } from '../../src/engine/check-helpers.js';
import { defineCheck } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'gateway/auth-none-exposed',
    title: 'Auth is off while the gateway listens beyond loopback',
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
        message: `gateway.auth.mode is "none" while the gateway binds to ${describeBind(x)}: anyone who can reach the port controls it.`,
        path: 'gateway.auth.mode',
        fixHint: '`openclaw doctor --fix --yes` (switches to a generated token), or bind to loopback',
        cause: 'bind-without-auth',
        evidence: [configEvidence('gateway.auth.mode', 'none'), configEvidence('gateway.bind', x.raw)],
      },
    ];
  },
  repair: (_f, facts) => switchToTokenAuth(parsedConfig(facts)?.cfg),
});
