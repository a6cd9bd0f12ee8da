// Deciding a `connect` request (reference §4), in upstream's order: protocol range → role → browser
// Origin → shared auth (rate limited) → device identity → signature → pairing. Pure decisions plus
// the pairing store; the connection module sends the frames and closes the socket.
import crypto from 'node:crypto';
import { isLoopbackHost } from '../config/gateway-settings.js';
import { CLOSE, type DetailCode, type NextStep } from '../protocol/errors.js';
import {
  SIGNATURE_SKEW_MS,
  deviceIdFor,
  fromBase64url,
  publicKeyFromRaw,
  signedPayload,
  verifyPayload,
} from '../protocol/device-auth.js';
import { PROTOCOL_MAX, PROTOCOL_MIN, ROLES, type ConnectParams, type ErrorShape } from '../protocol/frames.js';
import type { DeviceClaim, PairingReason } from './device-pairing-store.js';
import { authSubject, lockedFor, recordAuthFailure, recordAuthSuccess } from './rate-limit.js';
import type { Runtime } from './runtime.js';
import { secretEquals } from './secret.js';

export { secretEquals };

export interface ConnectContext {
  params: ConnectParams;
  nonce: string;
  remoteIp: string;
  origin?: string;
  host?: string;
  /** Headers a trusted proxy may set. */
  headers: Record<string, string | string[] | undefined>;
  now?: number;
}

/** Client modes whose deviceless (shared-secret only) connections get no scopes. */
const TOKEN_ONLY_SCOPELESS_MODES = ['probe', 'test'];

export interface Accepted {
  ok: true;
  protocol: number;
  role: string;
  scopes: string[];
  /** How the shared auth step was satisfied: token, password, device-token, none, trusted-proxy. */
  authMethod: string;
  deviceId?: string;
  deviceToken?: { token: string; role: string; scopes: string[] };
}

export interface Refused {
  ok: false;
  error: ErrorShape;
  closeCode: number;
  closeReason: string;
  /** Short reason for the `unauthorized … reason=` log line (token_mismatch, rate_limited, …). */
  logReason: string;
  /** Set when the refusal opened a pairing request. */
  pairing?: { requestId: string; reason: PairingReason; created: boolean; deviceId: string };
}

export type Decision = Accepted | Refused;

function refuse(
  code: DetailCode,
  message: string,
  logReason: string,
  extra: { nextStep?: NextStep; canRetry?: boolean; errorCode?: string; closeCode?: number; details?: Record<string, unknown>; retryAfterMs?: number } = {},
): Refused {
  const details: Record<string, unknown> = { code, ...extra.details };
  if (code.startsWith('AUTH_')) details.authReason = logReason;
  if (extra.nextStep) {
    details.recommendedNextStep = extra.nextStep;
    details.canRetryWithDeviceToken = Boolean(extra.canRetry);
  }
  const error: ErrorShape = { code: extra.errorCode ?? 'INVALID_REQUEST', message, details };
  if (extra.retryAfterMs !== undefined) {
    error.retryable = true;
    error.retryAfterMs = extra.retryAfterMs;
  }
  return { ok: false, error, closeCode: extra.closeCode ?? CLOSE.POLICY, closeReason: message.slice(0, 120), logReason };
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return undefined;
  }
}

function originAllowed(rt: Runtime, ctx: ConnectContext, loopback: boolean): boolean {
  const origin = ctx.origin!;
  const allowed = rt.settings.allowedOrigins.map((o) => o.toLowerCase().replace(/\/$/, ''));
  if (allowed.includes('*') || allowed.includes(origin.toLowerCase().replace(/\/$/, ''))) return true;
  const host = originHost(origin);
  if (host && loopback && isLoopbackHost(host)) return true;
  const ui = (rt.settings.config.gateway as any)?.controlUi;
  if (ui?.dangerouslyAllowHostHeaderOriginFallback && ctx.host && host && ctx.host.split(':')[0] === host) {
    rt.wsLog.warn(`security warning: websocket origin accepted via Host-header fallback host=${ctx.host} origin=${origin}`);
    return true;
  }
  return false;
}

type SharedResult = { ok: true; via: 'token' | 'password' | 'none' | 'trusted-proxy' | 'device-token' | 'bootstrap' } | Refused;

function sharedAuth(rt: Runtime, ctx: ConnectContext): SharedResult {
  const s = rt.settings;
  const auth = ctx.params.auth ?? {};
  // Upstream offers the device-token retry to any client that signed with a device: it may hold a cached token.
  const canRetry = Boolean(ctx.params.device);
  switch (s.authMode) {
    case 'none':
      return { ok: true, via: 'none' };
    case 'trusted-proxy': {
      const proxies: string[] = ((s.config.gateway as any)?.trustedProxies as string[]) ?? [];
      if (!proxies.includes(ctx.remoteIp)) {
        return refuse('AUTH_UNAUTHORIZED', 'unauthorized: request did not come from a trusted proxy', 'trusted_proxy_untrusted_source', { nextStep: 'review_auth_configuration' });
      }
      const header = String(((s.config.gateway as any)?.auth?.trustedProxy?.userHeader as string) ?? 'x-forwarded-user').toLowerCase();
      if (!ctx.headers[header]) {
        return refuse('AUTH_REQUIRED', 'unauthorized: trusted proxy identity required', 'trusted_proxy_user_missing', { nextStep: 'review_auth_configuration' });
      }
      return { ok: true, via: 'trusted-proxy' };
    }
    case 'password': {
      if (!s.password) return refuse('AUTH_PASSWORD_NOT_CONFIGURED', 'unauthorized: gateway password not configured on gateway (set gateway.auth.password)', 'password_not_configured', { nextStep: 'review_auth_configuration' });
      if (auth.password === undefined) {
        if (auth.deviceToken && ctx.params.device) return { ok: true, via: 'device-token' };
        return refuse('AUTH_PASSWORD_MISSING', "unauthorized: gateway password missing (use this gateway's gateway.auth.password or pair the device)", 'password_missing', { nextStep: 'update_auth_configuration' });
      }
      if (!secretEquals(auth.password, s.password)) {
        return refuse('AUTH_PASSWORD_MISMATCH', "unauthorized: gateway password mismatch (use this gateway's gateway.auth.password or pair the device)", 'password_mismatch', {
          nextStep: canRetry ? 'retry_with_device_token' : 'update_auth_credentials',
          canRetry,
        });
      }
      return { ok: true, via: 'password' };
    }
    case 'token': {
      if (!s.token) return refuse('AUTH_TOKEN_NOT_CONFIGURED', 'unauthorized: gateway token not configured on gateway (set gateway.auth.token)', 'token_not_configured', { nextStep: 'review_auth_configuration' });
      if (auth.token === undefined) {
        if (auth.deviceToken && ctx.params.device) return { ok: true, via: 'device-token' };
        if (auth.bootstrapToken && ctx.params.device) return { ok: true, via: 'bootstrap' };
        return refuse('AUTH_TOKEN_MISSING', "unauthorized: gateway token missing (use this gateway's gateway.auth.token or pair the device)", 'token_missing', { nextStep: 'update_auth_configuration' });
      }
      if (!secretEquals(auth.token, s.token)) {
        return refuse('AUTH_TOKEN_MISMATCH', "unauthorized: gateway token mismatch (use this gateway's gateway.auth.token or pair the device)", 'token_mismatch', {
          nextStep: canRetry ? 'retry_with_device_token' : 'update_auth_credentials',
          canRetry,
        });
      }
      return { ok: true, via: 'token' };
    }
  }
}

function verifyDevice(ctx: ConnectContext, role: string, now: number): { ok: true; publicKey: string; deviceId: string } | Refused {
  const d = ctx.params.device!;
  const bad = (code: DetailCode, message: string, reason: string) => refuse(code, message, reason.replace(/-/g, '_'), { details: { reason } });
  // Upstream derives the id from whatever the key decodes to first, so a short key is an id mismatch.
  const raw = fromBase64url(d.publicKey);
  if (!raw || deviceIdFor(raw) !== d.id.toLowerCase()) return bad('DEVICE_AUTH_DEVICE_ID_MISMATCH', 'device identity mismatch', 'device-id-mismatch');
  let key: crypto.KeyObject | undefined;
  try {
    if (raw.length === 32) key = publicKeyFromRaw(raw);
  } catch {
    key = undefined;
  }
  if (!key) return bad('DEVICE_AUTH_PUBLIC_KEY_INVALID', 'device public key invalid', 'device-public-key');
  if (!d.nonce) return bad('DEVICE_AUTH_NONCE_REQUIRED', 'device nonce required', 'device-nonce-missing');
  if (d.nonce !== ctx.nonce) return bad('DEVICE_AUTH_NONCE_MISMATCH', 'device nonce mismatch', 'device-nonce-mismatch');
  if (!Number.isFinite(d.signedAt) || Math.abs(now - d.signedAt) > SIGNATURE_SKEW_MS) {
    return bad('DEVICE_AUTH_SIGNATURE_EXPIRED', 'device signature expired', 'device-signature-stale');
  }
  const sig = fromBase64url(d.signature);
  if (!sig || sig.length !== 64) return bad('DEVICE_AUTH_INVALID', 'device signature invalid', 'device-signature-format');
  const auth = ctx.params.auth ?? {};
  const fields = {
    deviceId: d.id,
    clientId: ctx.params.client.id,
    clientMode: ctx.params.client.mode,
    role,
    scopes: ctx.params.scopes ?? [],
    signedAtMs: d.signedAt,
    token: auth.token ?? auth.deviceToken ?? auth.bootstrapToken ?? '',
    nonce: d.nonce,
    platform: ctx.params.client.platform,
    deviceFamily: ctx.params.client.deviceFamily,
  };
  if (!verifyPayload(key, signedPayload(fields, 'v3'), sig) && !verifyPayload(key, signedPayload(fields, 'v2'), sig)) {
    return bad('DEVICE_AUTH_SIGNATURE_INVALID', 'device signature invalid', 'device-signature');
  }
  return { ok: true, publicKey: d.publicKey, deviceId: d.id.toLowerCase() };
}

const deviceRequired = () => refuse('DEVICE_IDENTITY_REQUIRED', 'device identity required', 'device_identity_required', { errorCode: 'NOT_PAIRED' });
const controlUiNeedsDevice = () =>
  refuse('CONTROL_UI_DEVICE_IDENTITY_REQUIRED', 'control ui requires device identity (use HTTPS or localhost secure context)', 'control_ui_device_identity_required');

/** Runs every connect check; records failures in the limiters and pairing requests in the store. */
export function decideConnect(rt: Runtime, ctx: ConnectContext): Decision {
  const p = ctx.params;
  const now = ctx.now ?? Date.now();
  if (p.maxProtocol < PROTOCOL_MIN || p.minProtocol > PROTOCOL_MAX || p.minProtocol > p.maxProtocol) {
    return refuse('PROTOCOL_MISMATCH', 'protocol mismatch', 'protocol_mismatch', {
      closeCode: CLOSE.PROTOCOL,
      details: { clientMinProtocol: p.minProtocol, clientMaxProtocol: p.maxProtocol, expectedProtocol: PROTOCOL_MAX, minimumProbeProtocol: PROTOCOL_MIN },
    });
  }
  const protocol = Math.min(p.maxProtocol, PROTOCOL_MAX);
  const role = p.role ?? 'operator';
  if (!(ROLES as readonly string[]).includes(role)) {
    const r = refuse('AUTH_UNAUTHORIZED', 'invalid role', 'invalid_role');
    delete r.error.details;
    return r;
  }

  const loopback = isLoopbackHost(ctx.remoteIp);
  if (ctx.origin && !originAllowed(rt, ctx, loopback)) {
    return refuse('CONTROL_UI_ORIGIN_NOT_ALLOWED', 'origin not allowed (open the Control UI from the gateway host or allow it in gateway.controlUi.allowedOrigins)', 'origin_not_allowed', {
      details: { reason: 'origin not allowed' },
    });
  }

  // Lockouts come before the credential check, so a locked-out client learns nothing new.
  const subject = authSubject(rt, ctx.remoteIp, ctx.origin);
  const waitMs = lockedFor(subject);
  if (waitMs > 0) {
    return refuse('AUTH_RATE_LIMITED', 'unauthorized: too many failed authentication attempts (retry later)', 'rate_limited', {
      nextStep: 'wait_then_retry',
      retryAfterMs: waitMs,
    });
  }
  const recordFailure = () => {
    if (recordAuthFailure(subject) && rt.metrics) rt.metrics.lockouts++;
  };

  const ui = (rt.settings.config.gateway as any)?.controlUi ?? {};
  const sharedGiven = p.auth?.token !== undefined || p.auth?.password !== undefined;
  if (!p.device && (!sharedGiven || role === 'node') && rt.settings.authMode !== 'none' && rt.settings.authMode !== 'trusted-proxy') {
    if (ctx.origin && !ui.dangerouslyDisableDeviceAuth) return controlUiNeedsDevice();
    return deviceRequired();
  }

  const shared = sharedAuth(rt, ctx);
  if (!shared.ok) {
    if (shared.logReason !== 'token_not_configured' && shared.logReason !== 'password_not_configured') recordFailure();
    return shared;
  }

  if (!p.device) {
    if (ctx.origin && !ui.dangerouslyDisableDeviceAuth) return controlUiNeedsDevice();
    if (role === 'node') return deviceRequired();
    // A shared-secret operator without a device: probes and tests get no scopes (only health works);
    // other clients keep what they asked for. That is what 2026.9.6 does (README, interop note).
    // With auth "none" nothing was proven, so a deviceless client gets no scopes at all.
    const keep = shared.via !== 'none' && !TOKEN_ONLY_SCOPELESS_MODES.includes(p.client.mode);
    return { ok: true, protocol, role, scopes: keep ? [...new Set(p.scopes ?? [])] : [], authMethod: shared.via };
  }

  const verified = verifyDevice(ctx, role, now);
  if (!verified.ok) return verified;
  const scopes = role === 'operator' ? [...new Set(p.scopes ?? [])] : [];

  if (shared.via === 'bootstrap') {
    // This gateway issues no bootstrap tokens, so any one offered is unknown.
    recordFailure();
    return refuse('AUTH_BOOTSTRAP_TOKEN_INVALID', 'unauthorized: bootstrap token invalid or expired', 'bootstrap_token_invalid', { nextStep: 'update_auth_credentials' });
  }
  if (shared.via === 'device-token') {
    const held = rt.pairing.getPaired(verified.deviceId)?.tokens[role]?.token;
    if (!held || !secretEquals(p.auth!.deviceToken!, held)) {
      recordFailure();
      return refuse('AUTH_DEVICE_TOKEN_MISMATCH', 'unauthorized: device token mismatch (rotate/reissue device token)', 'device_token_mismatch', { nextStep: 'update_auth_credentials' });
    }
  }
  recordAuthSuccess(subject);

  const claim: DeviceClaim = {
    deviceId: verified.deviceId,
    publicKey: verified.publicKey,
    role,
    scopes,
    displayName: p.client.displayName,
    platform: p.client.platform,
    deviceFamily: p.client.deviceFamily,
    clientId: p.client.id,
    clientMode: p.client.mode,
    remoteIp: ctx.remoteIp,
  };
  const gap = rt.pairing.pairingGap(claim);
  if (gap) {
    if (gap === 'not-paired' && loopback && !ctx.origin) {
      rt.pairing.approve(claim);
      rt.log.info(`device pairing auto-approved device=${claim.deviceId} role=${role}`);
    } else {
      const { request, created } = rt.pairing.request(claim, gap);
      const r = refuse('PAIRING_REQUIRED', 'pairing required', 'pairing_required', {
        errorCode: 'NOT_PAIRED',
        details: { requestId: request.requestId, reason: gap },
      });
      r.pairing = { requestId: request.requestId, reason: gap, created, deviceId: claim.deviceId };
      return r;
    }
  }
  const token = rt.pairing.ensureToken(verified.deviceId, role, scopes);
  return { ok: true, protocol, role, scopes, authMethod: shared.via, deviceId: verified.deviceId, deviceToken: { token: token.token, role, scopes: token.scopes } };
}
