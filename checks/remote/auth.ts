// Does the gateway accept this machine's secret: the AUTH_* detail codes, a secret kept back over
// plaintext, and a gateway that lets anyone in from the network.
import { defineCheck, type Finding } from '../../src/engine/check.js';
import { failureDetails, ownerOf, probeEvidence, remoteProbe, shown } from '../../src/engine/remote-check-helpers.js';
import { nextStepWords } from '../../src/protocol/errors.js';

const CODES: Record<string, { cause: string; message: string; fixHint: string }> = {
  AUTH_TOKEN_MISMATCH: { cause: 'token-mismatch', message: 'rejected the token ("gateway token mismatch")', fixHint: "Use that gateway's token (gateway.auth.token on its host) in the token file or variable this target names" },
  AUTH_PASSWORD_MISMATCH: { cause: 'token-mismatch', message: 'rejected the password', fixHint: "Use that gateway's password (gateway.auth.password on its host)" },
  AUTH_TOKEN_MISSING: { cause: 'token-missing', message: 'requires a token and none was sent', fixHint: 'Give one: --token-file, OPENCLAW_GATEWAY_TOKEN, or tokenFile/tokenEnv in the targets file' },
  AUTH_PASSWORD_MISSING: { cause: 'token-missing', message: 'requires a password and none was sent', fixHint: 'Give one: OPENCLAW_GATEWAY_PASSWORD, or passwordFile/passwordEnv in the targets file' },
  AUTH_REQUIRED: { cause: 'token-missing', message: 'requires auth and none was sent', fixHint: 'Give a token: --token-file, OPENCLAW_GATEWAY_TOKEN, or tokenFile/tokenEnv in the targets file' },
  AUTH_RATE_LIMITED: { cause: 'auth-rate-limited', message: 'locked this client out after too many failed attempts', fixHint: 'Fix the secret, then wait for the lockout to pass' },
  AUTH_DEVICE_TOKEN_MISMATCH: { cause: 'device-token-stale', message: "rejected this device's token", fixHint: '`openclaw devices list` on the gateway host, then `openclaw devices rotate <deviceId>` or remove the device' },
  DEVICE_IDENTITY_REQUIRED: { cause: 'token-missing', message: 'requires a token (or a paired device) and got neither', fixHint: 'Give a token: --token-file, OPENCLAW_GATEWAY_TOKEN, or tokenFile/tokenEnv in the targets file' },
};

export default defineCheck({
  meta: {
    id: 'remote/auth',
    title: 'The remote gateway accepts this machine',
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
      out.push({ checkId: 'remote/auth', severity: 'warning', message: `Auth was not tested: the ${p.credential} is not sent over plain ws:// to ${p.host}.`, fixHint: 'Use wss:// (see remote/plaintext), then run again', evidence: [{ kind: 'probe', source: p.url, value: 'secret withheld' }] });
    }
    const e = p.connect.error;
    const code = e?.code ?? e?.errorCode ?? '';
    // Kept back on purpose: "no token" is then the doctor's doing, and the warning above says so.
    const keptBack = p.withheld && CODES[code]?.cause === 'token-missing';
    if (e && ownerOf(p) === 'auth' && !keptBack) {
      const known = CODES[code] ?? (code.startsWith('DEVICE_AUTH_') ? { cause: 'device-signature-invalid', message: `refused this device's signature (${shown(e.message)})`, fixHint: "Check this machine's clock; signatures expire after two minutes" } : undefined);
      out.push({
        checkId: 'remote/auth',
        severity: 'error',
        cause: known?.cause,
        message: `The gateway at ${p.url} ${known?.message ?? `refused the connection: ${shown(e.message)}`}.`,
        fixHint: known?.fixHint ?? nextStepWords(e.recommendedNextStep) ?? '`openclaw logs --follow` on the gateway host says why',
        evidence: [probeEvidence(p, e)],
        details: failureDetails(e),
      });
    }
    if (p.connect.ok && p.connect.authMode === 'none' && !p.loopback) {
      out.push({ checkId: 'remote/auth', severity: 'error', cause: 'bind-without-auth', message: `The gateway at ${p.url} lets anyone who reaches it in (auth mode "none").`, fixHint: 'On the gateway host: `openclaw config set gateway.auth.mode token`, and set gateway.auth.token', evidence: [{ kind: 'probe', source: p.url, value: 'authMode none' }] });
    }
    return out;
  },
});
