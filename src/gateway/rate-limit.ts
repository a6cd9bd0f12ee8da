// Failed-auth limiter (reference §4): a sliding window of failures per key; too many lock the key out.
import { isLoopbackHost } from '../system/loopback.js';

export interface RateLimitSettings {
  maxAttempts: number;
  windowMs: number;
  lockoutMs: number;
  exemptLoopback: boolean;
}

export const DEFAULT_RATE_LIMIT: RateLimitSettings = { maxAttempts: 10, windowMs: 60_000, lockoutMs: 300_000, exemptLoopback: true };

export function rateLimitFromConfig(cfg: Partial<RateLimitSettings> | undefined): RateLimitSettings {
  return { ...DEFAULT_RATE_LIMIT, ...Object.fromEntries(Object.entries(cfg ?? {}).filter(([, v]) => v !== undefined)) };
}

interface Entry {
  failures: number[];
  lockedUntil: number;
}

export class FailureLimiter {
  private entries = new Map<string, Entry>();

  constructor(
    private settings: RateLimitSettings,
    private readonly now: () => number = Date.now,
  ) {}

  update(settings: RateLimitSettings): void {
    this.settings = settings;
  }

  /** Milliseconds until the key may try again; 0 when it is not locked out. */
  retryAfter(key: string): number {
    const e = this.entries.get(key);
    if (!e) return 0;
    return Math.max(0, e.lockedUntil - this.now());
  }

  /** Records a failure; returns true when this failure locked the key out. */
  fail(key: string): boolean {
    const t = this.now();
    const e = this.entries.get(key) ?? { failures: [], lockedUntil: 0 };
    e.failures = e.failures.filter((f) => t - f < this.settings.windowMs);
    e.failures.push(t);
    this.entries.set(key, e);
    if (e.failures.length >= this.settings.maxAttempts) {
      e.lockedUntil = t + this.settings.lockoutMs;
      e.failures = [];
      return true;
    }
    this.prune(t);
    return false;
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  /** Keeps the map bounded: drop keys with nothing recent and no lockout. */
  private prune(t: number): void {
    if (this.entries.size < 10_000) return;
    for (const [k, e] of this.entries) {
      if (e.lockedUntil < t && e.failures.every((f) => t - f >= this.settings.windowMs)) this.entries.delete(k);
    }
  }
}

/** A fixed-window budget: at most `max` calls per `windowMs` per key (config.patch: 3/60 s). */
export class CallBudget {
  private calls = new Map<string, number[]>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** 0 when the call may proceed (and is counted), else ms until it may. */
  take(key: string): number {
    const t = this.now();
    const list = (this.calls.get(key) ?? []).filter((c) => t - c < this.windowMs);
    if (list.length >= this.max) {
      this.calls.set(key, list);
      return this.windowMs - (t - list[0]);
    }
    list.push(t);
    this.calls.set(key, list);
    return 0;
  }
}

/** The two failed-auth limiters a gateway keeps (both built from gateway.auth.rateLimit). */
export interface AuthLimiters {
  /** Keyed by client IP; loopback exempt when exemptLoopback. */
  authLimiter: FailureLimiter;
  /** For connections that carry a browser Origin; never exempts loopback. */
  originLimiter: FailureLimiter;
  rateLimitExemptLoopback: boolean;
}

/** Where one shared-secret attempt is counted: which limiter, which key, or nowhere (exempt). */
export interface AuthSubject {
  limiter: FailureLimiter;
  key: string;
  exempt: boolean;
}

function normalizedOrigin(origin: string): string {
  try {
    return new URL(origin).origin.toLowerCase();
  } catch {
    return origin.trim().toLowerCase();
  }
}

/**
 * Upstream's keying (2026.9.6, auth-rate-limit + handshake browser context), one scope for shared
 * secrets, used by the WebSocket connect and every authenticated HTTP route alike:
 * - no browser Origin (CLI, probes, HTTP clients): the IP limiter, key `shared:<client IP>`, skipped
 *   for loopback clients when exemptLoopback is on;
 * Routes with a secret of their own (the webhook channel's) use the same limiters in a scope of their
 * own (upstream: hook-auth), so their failures never lock out the gateway's shared secret.
 * - a browser Origin: the browser limiter only, never loopback-exempt (a page in any local browser
 *   must not get unlimited guesses); its key is the origin when the client is loopback (every local
 *   page shares 127.0.0.1) and the client IP otherwise, so a remote peer cannot lock an origin out
 *   for everyone else. As upstream, a locked key refuses even the right secret until lockoutMs ends.
 */
export function authSubject(limiters: AuthLimiters, clientIp: string, origin?: string, scope = 'shared'): AuthSubject {
  const loopback = isLoopbackHost(clientIp);
  if (origin) {
    return { limiter: limiters.originLimiter, key: loopback ? `${scope}:origin:${normalizedOrigin(origin)}` : `${scope}:${clientIp}`, exempt: false };
  }
  return { limiter: limiters.authLimiter, key: `${scope}:${clientIp}`, exempt: loopback && limiters.rateLimitExemptLoopback };
}

/** Milliseconds the subject must wait; 0 when it may try (always 0 when exempt). */
export function lockedFor(s: AuthSubject): number {
  return s.exempt ? 0 : s.limiter.retryAfter(s.key);
}

/** Counts a failed attempt; true when it starts a lockout. */
export function recordAuthFailure(s: AuthSubject): boolean {
  return !s.exempt && s.limiter.fail(s.key);
}

export function recordAuthSuccess(s: AuthSubject): void {
  if (!s.exempt) s.limiter.reset(s.key);
}
