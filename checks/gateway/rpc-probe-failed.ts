// The port answers but the probe fails: explain details.code and the next step (token drift
// between env and config, stale device token, pairing pending, origin, protocol mismatch, …).
import { en } from '../../src/i18n/index.js';
import { classifyHolder, fact, nextStepId } from '../../src/engine/check-helpers.js';
import { defineCheck, type Evidence, type Said, say } from '../../src/engine/check.js';
import type { ProbeFailure } from '../../src/client/types.js';
import type { ConfigFact } from '../../src/facts/config.js';

interface Step extends Said {
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
        ...say('gateway/rpc-probe-failed.gateway-up-but', { message: e.message, reason: typeof e.details?.reason === 'string' ? e.details.reason : null }),
      };
    case code === 'AUTH_TOKEN_MISMATCH':
      if (config?.env.tokenSet && config.env.tokenMatchesConfig === false) {
        return {
          cause: 'token-mismatch',
          envDrift: true,
          ...say('gateway/rpc-probe-failed.token-drift-openclaw'),
        };
      }
      return { cause: 'token-mismatch', ...say('gateway/rpc-probe-failed.gateway-rejected-token') };
    case code === 'AUTH_DEVICE_TOKEN_MISMATCH':
      return { cause: 'device-token-stale', ...say('gateway/rpc-probe-failed.cached-device-token') };
    case code === 'PAIRING_REQUIRED' || e.kind === 'pairing':
      return { cause: 'pairing-required', ...say('gateway/rpc-probe-failed.device-must-approved', { requestId: e.requestId ?? null }) };
    case code === 'CONTROL_UI_ORIGIN_NOT_ALLOWED' || e.kind === 'origin':
      return { cause: 'origin-not-allowed', ...say('gateway/rpc-probe-failed.browser-origin-allowed') };
    case e.kind === 'protocol': {
      const exp = typeof e.expectedProtocol === 'number' ? String(e.expectedProtocol) : e.expectedProtocol ? `${e.expectedProtocol.min}–${e.expectedProtocol.max}` : null;
      return { cause: 'protocol-mismatch', ...say('gateway/rpc-probe-failed.protocol-mismatch-gateway', { exp }) };
    }
    case code === 'AUTH_RATE_LIMITED':
      return { cause: 'auth-rate-limited', ...say('gateway/rpc-probe-failed.too-many-failed') };
    case code === 'AUTH_TOKEN_MISSING' || code === 'AUTH_REQUIRED' || code === 'AUTH_PASSWORD_MISSING':
      return { cause: 'token-missing', ...say('gateway/rpc-probe-failed.gateway-requires-auth') };
    case code.startsWith('DEVICE_AUTH_') || code === 'DEVICE_IDENTITY_REQUIRED':
      return { cause: 'device-signature-invalid', ...say('gateway/rpc-probe-failed.device-authentication-failed', { message: e.message }) };
    case e.kind === 'timeout':
      return { cause: 'gateway-unreachable', ...say('gateway/rpc-probe-failed.gateway-accepts-connections') };
    case e.kind === 'rpc' && /scope/i.test(e.message):
      return { cause: 'missing-operator-scope', ...say('gateway/rpc-probe-failed.connected-but-rpc', { message: e.message }) };
    default:
      // Codes stay in the details (JSON); the message and hint are words.
      return { cause: 'gateway-unreachable', ...say('gateway/rpc-probe-failed.gateway-probe-failed', { message: e.message }, nextStepId(e.recommendedNextStep)) };
  }
}

/** The probe's answer, the env drift behind it and the pairing request, as evidence. */
function evidenceFor(url: string, e: ProbeFailure, step: Step, ...after: string[]): Evidence[] {
  // The gateway's words; its codes are in the finding's details (JSON), not in text people read.
  const evidence: Evidence[] = [{ kind: 'probe', source: url, value: [e.message, ...after].filter(Boolean).join(' · ') }];
  if (step.envDrift) evidence.push({ kind: 'env', source: 'OPENCLAW_GATEWAY_TOKEN', value: en('gateway/rpc-probe-failed.evidence.env-drift') });
  if (e.requestId) evidence.push({ kind: 'probe', source: 'requestId', value: e.requestId });
  return evidence;
}

export default defineCheck({
  meta: {
    id: 'gateway/rpc-probe-failed',
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
          ...say('gateway/rpc-probe-failed.machine-still-connects', { step: { id: step.messageId!, params: step.params } }, null),
          fixHint: step.fixHint,
          fixHintId: step.fixHintId,
          cause: step.cause,
          evidence: evidenceFor(probe!.url, hidden, step, en('gateway/rpc-probe-failed.evidence.device-token')),
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
    const { cause, severity, envDrift: _, ...said } = step;
    return [{ checkId: 'gateway/rpc-probe-failed', severity: severity ?? 'error', ...said, cause, evidence, details }];
  },
});
