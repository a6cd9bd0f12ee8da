// auth.mode password but no password anywhere: "Gateway auth is set to password, but no password is configured."
// The repair (asked first: clients that log in with a password must switch) is token auth, keeping a
// token the config has or generating one; setting a password is the other way out.
import { configEvidence, parsedConfig, passwordMissing, switchToTokenAuth } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'gateway/password-missing',
    area: 'gateway',
    severity: 'error',
    facts: ['config'],
    fix: 'confirm',
    docs: 'seeds: Gateway troubleshooting › bind and auth guardrails',
  },
  detect(facts) {
    const p = parsedConfig(facts);
    if (!p) return [];
    if (!passwordMissing(p.config)) return [];
    return [
      {
        checkId: 'gateway/password-missing',
        severity: 'error',
        ...say('gateway/password-missing.gateway-auth-mode'),
        path: 'gateway.auth.password',
        cause: 'auth-password-missing',
        evidence: [configEvidence('gateway.auth.mode', 'password'), configEvidence('gateway.auth.password', undefined), { kind: 'env', source: 'OPENCLAW_GATEWAY_PASSWORD', value: '(unset)' }],
      },
    ];
  },
  repair: (_f, facts) => switchToTokenAuth(parsedConfig(facts)?.cfg),
});
