// Runs pure checks over collected facts. A check that throws becomes a finding about itself; the
// run goes on. Selection (--only/--skip) happens before facts are collected, so a run collects
// only what its checks read.
import type { FactName, Facts } from '../facts/types.js';
import type { Check, Finding, Severity } from './check.js';
import { compareIds } from './order.js';

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export class SelectionError extends Error {}

/** `--only`/`--skip` accept ids and area prefixes (`gateway` or `gateway/*`). */
function matches(check: Check, pattern: string): boolean {
  const p = pattern.replace(/\/\*$/, '');
  return check.meta.id === p || check.meta.area === p || check.meta.id.startsWith(`${p}/`);
}

export function selectChecks(all: Check[], only: string[] = [], skip: string[] = []): { selected: Check[]; skipped: Check[] } {
  for (const p of [...only, ...skip]) {
    if (!all.some((c) => matches(c, p))) throw new SelectionError(`no check matches "${p}" (see \`openclaw doctor --list\`)`);
  }
  const selected = all.filter((c) => (only.length === 0 || only.some((p) => matches(c, p))) && !skip.some((p) => matches(c, p)));
  return { selected, skipped: all.filter((c) => !selected.includes(c)) };
}

export function factsNeeded(checks: Check[]): FactName[] {
  return [...new Set(checks.flatMap((c) => c.meta.facts))];
}

/** A check that threw is reported as a finding about itself: a doctor bug, so no catalog cause. */
export const isCrash = (f: Finding): boolean => f.data?.crashed === true;

export function runCheck(check: Check, facts: Facts): Finding[] {
  try {
    const found = check.detect(facts);
    if (!Array.isArray(found)) throw new Error('detect() did not return an array');
    return found.map((f) => ({ ...f, checkId: check.meta.id, severity: f.severity ?? check.meta.severity }));
  } catch (err) {
    return [
      {
        checkId: check.meta.id,
        severity: 'warning',
        message: `the check itself failed and could not tell: ${(err as Error)?.message ?? String(err)}`,
        data: { crashed: true },
        fixHint: 'This is a bug in the doctor; rerun with OPENCLAW_DEBUG=1 and report it.',
      },
    ];
  }
}

export function runChecks(checks: Check[], facts: Facts): Finding[] {
  return checks.flatMap((c) => runCheck(c, facts));
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || compareIds(a.checkId, b.checkId));
}
