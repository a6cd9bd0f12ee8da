// The port answers but the probe fails: explain details.code and the next step (token drift
// between env and config, stale device token, pairing pending, origin, protocol mismatch, …).
import { classifyHolder, fact } from '../../src/engine/check-helpers.js';
import { defineCheck, type Evidence } from '../../src/engine/check.js';
import type { ProbeFailure } from '../../src/client/types.js';
import { nextStepWords } from '../../src/protocol/errors.js';
import type { ConfigFact } from '../../src/facts/config.js';

interface Step {
  message: string;
  fixHint: string;
  cause: string;
  envDrift?: boolean;
  /** Below the check's `error` when the gateway is fine and only not ready yet. */
  severity?: 'warning';
}

function nextStep(e: ProbeFailure, config: ConfigFact | undefined): Step {
  const code = e.code ?? e.errorCode ?? '';
  switch (true) {
    case e.kind === 'unavailable':
      return {
        cause: 'gateway-starting',
        severity: 'warning',
        message: `The gateway is up but not ready yet: it answered "${e.message}"${typeof e.details?.reason === 'string' ? ` (reason: ${e.details.reason})` : ''}. It refuses connections until its channels and sidecars have started.`,
        fixHint: 'Run the doctor again in a few seconds; if it stays, see what the start waits on: `openclaw logs --follow`',
      };
    case code === 'AUTH_TOKEN_MISMATCH':
      if (config?.env.tokenSet && config.env.tokenMatchesConfig === false) {
        return {
          cause: 'token-mismatch',
          envDrift: true,
          message: 'Token drift: OPENCLAW_GATEWAY_TOKEN in this shell differs from gateway.auth.token; CLI clients send the env token first, so the gateway says "token mismatch".',
          fixHint: 'unset OPENCLAW_GATEWAY_TOKEN (or set it to the config value); if a service sets it, reinstall the service: `openclaw gateway install --force`',
        };
      }
      return { cause: 'token-mismatch', message: 'The gateway rejected the token ("gateway token mismatch").', fixHint: 'Use the gateway\'s token: `openclaw config get gateway.auth.token` on the gateway host, then set it for this client' };
    case code === 'AUTH_DEVICE_TOKEN_MISMATCH':
      return { cause: 'device-token-stale', message: 'The cached device token is stale ("device token mismatch").', fixHint: '`openclaw devices list`, then `openclaw devices rotate` (or remove identity/device-auth.json and pair again)' };
    case code === 'PAIRING_REQUIRED' || e.kind === 'pairing':
      return { cause: 'pairing-required', message: `This device must be approved first (pairing required${e.requestId ? `, request ${e.requestId}` : ''}).`, fixHint: `\`openclaw devices approve ${e.requestId ?? '<requestId>'}\` (on the gateway host)` };
    case code === 'CONTROL_UI_ORIGIN_NOT_ALLOWED' || e.kind === 'origin':
      return { cause: 'origin-not-allowed', message: 'The browser origin is not allowed.', fixHint: 'Add it: `openclaw config set gateway.controlUi.allowedOrigins \'["https://your.host"]\'`' };
    case e.kind === 'protocol': {
      const exp = typeof e.expectedProtocol === 'number' ? String(e.expectedProtocol) : e.expectedProtocol ? `${e.expectedProtocol.min}–${e.expectedProtocol.max}` : 'another version';
      return { cause: 'protocol-mismatch', message: `Protocol mismatch: the gateway speaks protocol ${exp}.`, fixHint: 'Update the older side so both speak protocol 3–4 (`openclaw --version` on both)' };
    }
    case code === 'AUTH_RATE_LIMITED':
      return { cause: 'auth-rate-limited', message: 'Too many failed attempts: the gateway locked this client out for a while.', fixHint: 'Wait a few minutes, then retry with the right token' };
    case code === 'AUTH_TOKEN_MISSING' || code === 'AUTH_REQUIRED' || code === 'AUTH_PASSWORD_MISSING':
      return { cause: 'token-missing', message: 'The gateway requires auth and this client sent none.', fixHint: 'export OPENCLAW_GATEWAY_TOKEN=<token> (or --token), matching gateway.auth.token' };
    case code.startsWith('DEVICE_AUTH_') || code === 'DEVICE_IDENTITY_REQUIRED':
      return { cause: 'device-signature-invalid', message: `Device authentication failed ("${e.message}"): the handshake signature or nonce was rejected.`, fixHint: 'Check the clock (signatures expire after 2 minutes) and update the client; then pair again' };
    case e.kind === 'timeout':
      return { cause: 'gateway-unreachable', message: 'The gateway accepts connections but did not finish the handshake in time.', fixHint: '`openclaw logs --follow`; restart it: `openclaw gateway restart`' };
    case e.kind === 'rpc' && /scope/i.test(e.message):
      return { cause: 'missing-operator-scope', message: `Connected, but an RPC failed: ${e.message}.`, fixHint: 'Pair this device with operator scopes (`openclaw devices approve`) instead of a token-only connection' };
    default:
      // Codes stay in the details (JSON); the message and hint are words.
      return { cause: 'gateway-unreachable', message: `The gateway probe failed: ${e.message}`, fixHint: nextStepWords(e.recommendedNextStep) ?? '`openclaw gateway status --deep`; `openclaw logs --follow`' };
  }
}

/** The probe's answer, the env drift behind it and the pairing request, as evidence. */
function evidenceFor(url: string, e: ProbeFailure, step: Step, ...after: string[]): Evidence[] {
  // The gateway's words; its codes are in the finding's details (JSON), not in text people read.
  const evidence: Evidence[] = [{ kind: 'probe', source: url, value: [e.message, ...after].filter(Boolean).join(' · ') }];
  if (step.envDrift) evidence.push({ kind: 'env', source: 'OPENCLAW_GATEWAY_TOKEN', value: '*** (differs from gateway.auth.token)' });
  if (e.requestId) evidence.push({ kind: 'probe', source: 'requestId', value: e.requestId });
  return evidence;
}

export default defineCheck({
  meta: {
    id: 'gateway/rpc-probe-failed',
    title: 'The gateway answers but the probe fails',
    area: 'gateway',
    severity: 'error',
    facts: ['config', 'gateway', 'ports', 'lock'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › Auth detail codes quick map; Gateway probe warnings',
  },
  detect(facts) {
    const probe = fact(facts, 'gateway');
    const config = fact(facts, 'config');
    // In only thanks to the device token cached by an earlier pairing: this machine works, every
    // client that uses the shared token (another machine, curl, a script) is refused.
    const hidden = probe?.ok ? probe.connect.sharedAuthRejected : undefined;
    if (hidden) {
      const step = nextStep(hidden, config);
      return [
        {
          checkId: 'gateway/rpc-probe-failed',
          severity: 'warning',
          message: `${step.message} This machine still connects with its cached device token, which hides it; clients that use the shared token are refused.`,
          fixHint: step.fixHint,
          cause: step.cause,
          evidence: evidenceFor(probe!.url, hidden, step, 'then connected with the cached device token'),
          details: { kind: hidden.kind, ...(hidden.code ? { code: hidden.code } : {}), hiddenByDeviceToken: 'true' },
        },
      ];
    }
    const e = probe?.connect.error;
    if (!probe || probe.ok || !e || e.kind === 'refused') return [];
    const ports = fact(facts, 'ports');
    const lock = fact(facts, 'lock');
    // A port held by something that is not our gateway is port-conflict's finding, not this one.
    if (ports?.holders?.some((h) => classifyHolder(h, config, lock) !== 'this-gateway')) return [];
    const step = nextStep(e, config);
    const evidence = evidenceFor(probe.url, e, step);
    const code = e.code ?? e.errorCode;
    const details = Object.fromEntries(
      Object.entries({ kind: e.kind, code, requestId: e.requestId, recommendedNextStep: e.recommendedNextStep, reason: e.details?.reason }).filter((kv): kv is [string, string] => typeof kv[1] === 'string'),
    );
    return [{ checkId: 'gateway/rpc-probe-failed', severity: step.severity ?? 'error', message: step.message, fixHint: step.fixHint, cause: step.cause, evidence, details }];
  },
});
