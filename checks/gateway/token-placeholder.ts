// The gateway's token or password is not a secret: blank, "undefined"/"null" (a string coerced from
// nothing), an example value shipped in upstream's .env.example, or a redaction placeholder copied
// back from a redacted config dump. The real gateway refuses to start with one. The fix generates a
// token (clients must be given the new one, so it is asked first).
import { configEvidence, newToken, parsedConfig, serverAuth } from '../../src/engine/check-helpers.js';
import { defineCheck } from '../../src/engine/check.js';
import { REDACTED } from '../../src/config/redact.js';

/** Values upstream (known-weak gateway secrets) and this toolkit's redaction treat as no secret. */
const PLACEHOLDERS = new Set(['', 'undefined', 'null', 'change-me-to-a-long-random-token', 'change-me-now', 'change-me-to-a-strong-password', '__OPENCLAW_REDACTED__', REDACTED]);

export default defineCheck({
  meta: {
    id: 'gateway/token-placeholder',
    title: 'Gateway token or password is a placeholder',
    area: 'gateway',
    severity: 'error',
    facts: ['config'],
    fix: 'confirm',
    docs: 'upstream: "Invalid config: gateway auth token is set to a published example placeholder …"',
  },
  detect(facts) {
    const p = parsedConfig(facts);
    if (!p) return [];
    const mode = serverAuth(p.config).mode.value;
    if (mode !== 'token' && mode !== 'password') return [];
    const path = `gateway.auth.${mode}`;
    const value = p.cfg.gateway?.auth?.[mode];
    if (typeof value !== 'string' || !PLACEHOLDERS.has(value.trim())) return [];
    return [
      {
        checkId: 'gateway/token-placeholder',
        severity: 'error',
        message: `${path} is a placeholder, not a secret (${value.trim() ? `"${value.trim()}"` : 'blank'}): the gateway refuses to start with it.`,
        path,
        fixHint: `\`openclaw doctor --fix --yes\` (generates a token; give it to your clients), or set a real one: \`openclaw config set ${path} "$(openssl rand -hex 24)"\``,
        cause: 'token-placeholder',
        evidence: [configEvidence(path, value)],
      },
    ];
  },
  repair: () => [
    { op: 'config.set', path: 'gateway.auth.mode', value: 'token' },
    { op: 'config.set', path: 'gateway.auth.token', value: newToken() },
  ],
});
