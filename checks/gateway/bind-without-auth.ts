// A non-loopback bind with no token, password or trusted proxy: the gateway refuses to start
// ("Refusing to bind gateway to <bind> without auth"). Fix: generate a 48-hex token, mode token.
import { bindRef, bindsWithoutAuth, configEvidence, describeBind, exposure, newToken, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'gateway/bind-without-auth',
    area: 'gateway',
    severity: 'error',
    facts: ['config'],
    fix: 'safe',
    docs: 'seeds: Gateway troubleshooting › bind and auth guardrails',
  },
  detect(facts) {
    const p = parsedConfig(facts);
    if (!p) return [];
    if (!bindsWithoutAuth(p.config)) return [];
    const x = exposure(p.config);
    return [
      {
        checkId: 'gateway/bind-without-auth',
        severity: 'error',
        ...say('gateway/bind-without-auth.gateway-binds-without', { x: describeBind(x), xRef: bindRef(x), value: String(x.raw ?? x.mode) }),
        path: 'gateway.auth.token',
        cause: 'bind-without-auth',
        evidence: [configEvidence('gateway.bind', x.raw ?? `(unset: ${x.mode})`), configEvidence('gateway.auth.mode', p.cfg.gateway?.auth?.mode), { kind: 'env', source: 'OPENCLAW_GATEWAY_TOKEN', value: '(unset)' }],
      },
    ];
  },
  repair: (_f, facts) => {
    // A token under the legacy key is the user's token: move it rather than invent another.
    const legacy = (parsedConfig(facts)?.config.raw as any)?.gateway?.token;
    return [
      { op: 'config.set', path: 'gateway.auth.mode', value: 'token' },
      typeof legacy === 'string' && legacy
        ? { op: 'config.move', from: 'gateway.token', to: 'gateway.auth.token' }
        : { op: 'config.set', path: 'gateway.auth.token', value: newToken() },
    ];
  },
});
