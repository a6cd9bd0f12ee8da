// Turns findings into fix plans: each finding's repair() yields operations (data). Safe repairs
// are planned for --fix; confirm repairs wait for --yes or an interactive yes.
import type { Facts } from '../facts/types.js';
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
      plans.push({ ...base, operations: [], status: 'failed', reason: `repair() failed: ${(err as Error).message}` });
      continue;
    }
    if (operations.length === 0) {
      plans.push({ ...base, operations, status: 'skipped', reason: finding.fixHint ?? 'no automatic repair for this case' });
      continue;
    }
    const needsYes = check.meta.fix === 'confirm' && !opts.yes;
    plans.push({ ...base, operations, status: needsYes ? 'confirm' : 'planned', reason: needsYes ? 'needs --yes (or answer yes at the prompt)' : undefined });
  }
  return supersedeByRestore(plans);
}

/** A whole-config restore makes edits computed against the broken file meaningless: drop them. */
function supersedeByRestore(plans: FixPlan[]): FixPlan[] {
  const restoring = plans.some((p) => p.status === 'planned' && p.operations.some(replacesWholeConfig));
  if (!restoring) return plans;
  return plans.map((p) =>
    p.status === 'planned' && p.operations.some((o) => o.op.startsWith('config.') && !replacesWholeConfig(o))
      ? { ...p, status: 'skipped', reason: 'superseded by restoring a saved config; run --fix again if it is still needed' }
      : p,
  );
}
