// auth.mode password but no password anywhere: "Gateway auth is set to password, but no password is configured."
// The repair (asked first: clients that log in with a password must switch) is token auth, keeping a
// token the config has or generating one; setting a password is the other way out.
import { configEvidence, parsedConfig, serverAuth, switchToTokenAuth } from '../../src/engine/check-helpers.js';
import { defineCheck } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'gateway/password-missing',
    title: 'Password auth without a password',
    area: 'gateway',
    severity: 'error',
    facts: ['config'],
    fix: 'confirm',
    docs: 'seeds: Gateway troubleshooting › bind and auth guardrails',
  },
  detect(facts) {
    const p = parsedConfig(facts);
    if (!p) return [];
    const auth = serverAuth(p.config);
    if (auth.mode.value !== 'password' || auth.password) return [];
    return [
      {
        checkId: 'gateway/password-missing',
        severity: 'error',
        message: 'gateway.auth.mode is "password" but no password is configured: the gateway refuses to start.',
        path: 'gateway.auth.password',
        fixHint: '`openclaw doctor --fix --yes` (switches to token auth with a generated token), or set a password: `openclaw config set gateway.auth.password "<password>"` (or export OPENCLAW_GATEWAY_PASSWORD for the gateway)',
        cause: 'auth-password-missing',
        evidence: [configEvidence('gateway.auth.mode', 'password'), configEvidence('gateway.auth.password', undefined), { kind: 'env', source: 'OPENCLAW_GATEWAY_PASSWORD', value: '(unset)' }],
      },
    ];
  },
  repair: (_f, facts) => switchToTokenAuth(parsedConfig(facts)?.cfg),
});
