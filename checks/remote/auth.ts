// Does the gateway accept this machine's secret: the AUTH_* detail codes, a secret kept back over
// plaintext, and a gateway that lets anyone in from the network.
import { en } from '../../src/i18n/index.js';
import { defineCheck, type Finding, say } from '../../src/engine/check.js';
import { failureDetails, ownerOf, probeEvidence, remoteProbe, shown } from '../../src/engine/remote-check-helpers.js';
import { nextStepId } from '../../src/engine/check-helpers.js';

/** Each code's cause and message id ("The gateway at {url} rejected the token …"; its fix is `<id>.fix`). */
const CODES: Record<string, { cause: string; id: string }> = {
  AUTH_TOKEN_MISMATCH: { cause: 'token-mismatch', id: 'remote/auth.rejected-token-gateway' },
  AUTH_PASSWORD_MISMATCH: { cause: 'token-mismatch', id: 'remote/auth.rejected-password' },
  AUTH_TOKEN_MISSING: { cause: 'token-missing', id: 'remote/auth.requires-token-none' },
  AUTH_PASSWORD_MISSING: { cause: 'token-missing', id: 'remote/auth.requires-password-none' },
  AUTH_REQUIRED: { cause: 'token-missing', id: 'remote/auth.requires-auth-none' },
  AUTH_RATE_LIMITED: { cause: 'auth-rate-limited', id: 'remote/auth.locked-client-out' },
  AUTH_DEVICE_TOKEN_MISMATCH: { cause: 'device-token-stale', id: 'remote/auth.rejected-device-s' },
  DEVICE_IDENTITY_REQUIRED: { cause: 'token-missing', id: 'remote/auth.requires-token-paired' },
};

export default defineCheck({
  meta: {
    id: 'remote/auth',
    area: 'remote',
    severity: 'error',
    facts: ['remote'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › Auth detail codes quick map',
  },
  detect(facts) {
    const p = remoteProbe(facts);
    if (!p || p.invalid) return [];
    const out: Finding[] = [];
    if (p.withheld) {
      out.push({ checkId: 'remote/auth', severity: 'warning', ...say('remote/auth.auth-was-tested', { credential: p.credential, host: p.host }), evidence: [{ kind: 'probe', source: p.url, value: en('remote/auth.evidence.withheld') }] });
    }
    const e = p.connect.error;
    const code = e?.code ?? e?.errorCode ?? '';
    // Kept back on purpose: "no token" is then the doctor's doing, and the warning above says so.
    const keptBack = p.withheld && CODES[code]?.cause === 'token-missing';
    if (e && ownerOf(p) === 'auth' && !keptBack) {
      const known = CODES[code] ?? (code.startsWith('DEVICE_AUTH_') ? { cause: 'device-signature-invalid', id: 'remote/auth.refused-device-s' } : undefined);
      const next = known ? undefined : nextStepId(e.recommendedNextStep);
      out.push({
        checkId: 'remote/auth',
        severity: 'error',
        cause: known?.cause,
        ...say(known?.id ?? 'remote/auth.refused', { url: p.url, message: shown(e.message) }, next),
        evidence: [probeEvidence(p, e)],
        details: failureDetails(e),
      });
    }
    if (p.connect.ok && p.connect.authMode === 'none' && !p.loopback) {
      out.push({ checkId: 'remote/auth', severity: 'error', cause: 'bind-without-auth', ...say('remote/auth.gateway-lets-anyone', { url: p.url }), evidence: [{ kind: 'probe', source: p.url, value: en('remote/auth.evidence.auth-none') }] });
    }
    return out;
  },
});
