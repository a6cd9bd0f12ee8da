// What the service checks share: reading the fact, comparing and showing tokens safely, and the
// one repair they all propose (reinstall), which first saves a token that lives only in the service.
import crypto from 'node:crypto';
import type { Finding } from './check.js';
import type { Operation } from './operations.js';
import type { ServicesFact } from '../facts/services.js';
import type { Facts } from '../facts/types.js';

export function servicesOf(facts: Facts): ServicesFact | undefined {
  const f = facts.services;
  return f?.ok ? f.value : undefined;
}

function digest(s: string): Buffer {
  return crypto.createHash('sha256').update(s).digest();
}

/** Constant-time comparison of two secrets (hashed first, so lengths may differ). */
export function sameSecret(a: string, b: string): boolean {
  return crypto.timingSafeEqual(digest(a), digest(b));
}

/** A token as evidence: never the value, a short fingerprint so two can be told apart. */
export function tokenFingerprint(token: string): string {
  return `*** (sha256 ${digest(token).toString('hex').slice(0, 8)})`;
}

/** The token the installed service's gateway actually uses: its config first, then its env (reference §2). */
export function serviceEffectiveToken(fact: ServicesFact): string | undefined {
  return fact.installed?.config.token ?? fact.installed?.token;
}

/**
 * Reinstall from the CLI's view. A new definition never carries the token, so a token the service
 * has and the CLI's config lacks is written to gateway.auth.token first: clients keep working and
 * nothing is lost.
 */
export function reinstallOperations(fact: ServicesFact): Operation[] {
  const ops: Operation[] = [];
  const token = serviceEffectiveToken(fact);
  if (token && !fact.cli.config.token) ops.push({ op: 'config.set', path: 'gateway.auth.token', value: token });
  ops.push({ op: 'service.install', force: true });
  return ops;
}

/** The repair() of every drift check: reinstall from the CLI's view, token saved first. */
export function repairByReinstall(_finding: Finding, facts: Facts): Operation[] {
  const s = servicesOf(facts);
  return s ? reinstallOperations(s) : [];
}
