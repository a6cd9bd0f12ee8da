// Turns findings into fix plans: each finding's repair() yields operations (data). Safe repairs
// are planned for --fix; confirm repairs wait for --yes or an interactive yes.
import type { Facts } from '../facts/types.js';
import type { MessageRef } from '../i18n/index.js';
import type { Check, Finding, FixKind } from './check.js';
import type { Operation } from './operations.js';
import { replacesWholeConfig } from './apply-config.js';

export interface FixPlan {
  checkId: string;
  finding: Finding;
  kind: FixKind;
  operations: Operation[];
  /** planned: will run · confirm: needs --yes or a yes at the prompt · skipped/failed: will not run. */
  status: 'planned' | 'confirm' | 'skipped' | 'failed';
  reason?: string;
  /** The reason as a catalog message, for the reader's language (`reason` stays English). */
  reasonRef?: MessageRef;
}

export function planFixes(findings: Finding[], checks: Check[], facts: Facts, opts: { yes?: boolean } = {}): FixPlan[] {
  const byId = new Map(checks.map((c) => [c.meta.id, c]));
  const plans: FixPlan[] = [];
  for (const finding of findings) {
    const check = byId.get(finding.checkId);
    if (!check?.repair || check.meta.fix === 'none') continue;
    const base = { checkId: finding.checkId, finding, kind: check.meta.fix };
    let operations: Operation[];
    try {
      operations = check.repair(finding, facts) ?? [];
    } catch (err) {
      const message = (err as Error).message;
      plans.push({ ...base, operations: [], status: 'failed', reason: `repair() failed: ${message}`, reasonRef: { id: 'repair.reason.repair-threw', params: { message } } });
      continue;
    }
    if (operations.length === 0) {
      // The finding's own fix hint says what to do instead, in the reader's language when it has an id.
      const hint = finding.fixHintId ? { id: finding.fixHintId, params: finding.params } : undefined;
      const reasonRef = finding.fixHint === undefined ? { id: 'repair.reason.no-repair' } : hint;
      plans.push({ ...base, operations, status: 'skipped', reason: finding.fixHint ?? 'no automatic repair for this case', reasonRef });
      continue;
    }
    const needsYes = check.meta.fix === 'confirm' && !opts.yes;
    const needs = needsYes ? { reason: 'needs --yes (or answer yes at the prompt)', reasonRef: { id: 'repair.reason.needs-yes' } } : {};
    plans.push({ ...base, operations, status: needsYes ? 'confirm' : 'planned', ...needs });
  }
  return supersedeByRestore(plans);
}

/** A whole-config restore makes edits computed against the broken file meaningless: drop them. */
function supersedeByRestore(plans: FixPlan[]): FixPlan[] {
  const restoring = plans.some((p) => p.status === 'planned' && p.operations.some(replacesWholeConfig));
  if (!restoring) return plans;
  return plans.map((p) =>
    p.status === 'planned' && p.operations.some((o) => o.op.startsWith('config.') && !replacesWholeConfig(o))
      ? { ...p, status: 'skipped', reason: 'superseded by restoring a saved config; run --fix again if it is still needed', reasonRef: { id: 'repair.reason.superseded' } }
      : p,
  );
}
