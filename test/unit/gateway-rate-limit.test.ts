import { describe, expect, it } from 'vitest';
import { CallBudget, FailureLimiter, rateLimitFromConfig } from '../../src/gateway/rate-limit.js';

describe('failure limiter', () => {
  it('locks out after maxAttempts within the window, for lockoutMs', () => {
    let t = 0;
    const l = new FailureLimiter({ maxAttempts: 3, windowMs: 60_000, lockoutMs: 300_000, exemptLoopback: true }, () => t);
    expect(l.fail('k')).toBe(false);
    expect(l.fail('k')).toBe(false);
    expect(l.retryAfter('k')).toBe(0);
    expect(l.fail('k')).toBe(true);
    expect(l.retryAfter('k')).toBe(300_000);
    t = 299_999;
    expect(l.retryAfter('k')).toBe(1);
    t = 300_000;
    expect(l.retryAfter('k')).toBe(0);
  });

  it('slides the window: old failures do not count', () => {
    let t = 0;
    const l = new FailureLimiter({ maxAttempts: 3, windowMs: 1000, lockoutMs: 5000, exemptLoopback: true }, () => t);
    l.fail('k');
    l.fail('k');
    t = 1500;
    expect(l.fail('k')).toBe(false);
    expect(l.retryAfter('k')).toBe(0);
  });

  it('keeps keys apart and resets on success', () => {
    const l = new FailureLimiter({ maxAttempts: 2, windowMs: 1000, lockoutMs: 5000, exemptLoopback: true });
    l.fail('a');
    l.fail('b');
    l.reset('a');
    expect(l.fail('a')).toBe(false);
    expect(l.fail('b')).toBe(true);
  });

  it('defaults to 10 per 60 s → 5 min, loopback exempt; config overrides', () => {
    expect(rateLimitFromConfig(undefined)).toEqual({ maxAttempts: 10, windowMs: 60_000, lockoutMs: 300_000, exemptLoopback: true });
    expect(rateLimitFromConfig({ maxAttempts: 2, exemptLoopback: false })).toMatchObject({ maxAttempts: 2, exemptLoopback: false, windowMs: 60_000 });
  });
});

describe('call budget', () => {
  it('allows 3 per minute, then says how long to wait', () => {
    let t = 0;
    const b = new CallBudget(3, 60_000, () => t);
    expect([b.take('x'), b.take('x'), b.take('x')]).toEqual([0, 0, 0]);
    t = 10_000;
    expect(b.take('x')).toBe(50_000);
    expect(b.take('y')).toBe(0);
    t = 60_000;
    expect(b.take('x')).toBe(0);
  });
});
