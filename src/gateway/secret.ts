// Constant-time comparison of secrets (tokens, passwords, device tokens).
import crypto from 'node:crypto';

/** Hashes both sides first so neither the content nor the length leaks through timing. */
export function secretEquals(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b) && given.length === expected.length;
}
