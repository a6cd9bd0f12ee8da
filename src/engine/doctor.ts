// One doctor run: load checks → select → collect the facts they need → detect → [plan → execute →
// re-collect → verify] → report. No printing here; the CLI renders the report.
import { createContext, collectFacts } from '../facts/collect.js';
import type { CollectOptions } from '../facts/context.js';
import type { Facts } from '../facts/types.js';
import type { Check, Finding, Severity } from './check.js';
import type { ExecuteResult, FixResult } from './executor.js';
import { loadChecks } from './loader.js';
import { planFixes, type FixPlan } from './planner.js';
import { buildReport, type DoctorReport } from './report.js';
import { factsNeeded, runChecks, selectChecks } from './runner.js';
import type { SideEffectHooks } from './side-effects.js';
import { monotonicMs } from '../system/clock.js';

export interface DoctorOptions extends CollectOptions, SideEffectHooks {
  checks?: Check[];
  checksDir?: string;
  only?: string[];
  skip?: string[];
  severityMin?: Severity;
  fix?: boolean;
  yes?: boolean;
  dryRun?: boolean;
  /** Asked for each confirm repair when neither --yes nor --non-interactive; resolves to yes/no. */
  confirm?: (plan: FixPlan) => Promise<boolean>;
}

export interface DoctorRun {
  report: DoctorReport;
  /** The checks that ran (after --only/--skip). */
  selected: Check[];
  findings: Finding[];
  facts: Facts;
  plans?: FixPlan[];
  execution?: ExecuteResult;
}

/** A fix is verified when its check no longer reports a finding at the same path (the cause is not compared). */
const key = (f: { checkId: string; path?: string }) => `${f.checkId}\u0000${f.path ?? ''}`;

export async function runDoctor(opts: DoctorOptions): Promise<DoctorRun> {
  const started = monotonicMs();
  const all = opts.checks ?? (await loadChecks(opts.checksDir));
  // The remote checks look at another gateway from outside: they run alone, and only then.
  const pool = all.filter((c) => (c.meta.area === 'remote') === Boolean(opts.remote));
  const { selected, skipped } = selectChecks(pool, opts.only, opts.skip);
  const ctx = createContext(opts);
  const facts = await collectFacts(ctx, factsNeeded(selected));
  let findings = runChecks(selected, facts);

  const previewPlans = planFixes(findings, selected, facts, { yes: true });
  const opsByFinding = new Map(previewPlans.map((p) => [p.finding, p.operations]));
  let plans: FixPlan[] | undefined;
  let execution: ExecuteResult | undefined;
  let fixes: FixResult[] | undefined;

  if (opts.fix || opts.dryRun) {
    plans = planFixes(findings, selected, facts, { yes: opts.yes });
    for (const p of plans) {
      if (p.status !== 'confirm') continue;
      const yes = !opts.dryRun && opts.confirm ? await opts.confirm(p) : false;
      p.status = yes || opts.dryRun ? 'planned' : 'skipped';
      if (yes || opts.dryRun) p.reason = undefined;
    }
    const config = facts.config?.ok ? facts.config.value : ctx.config();
    const { executeFixes } = await import('./executor.js'); // diff and write machinery: only when fixing
    execution = await executeFixes(plans, { ...opts, config, stateDir: opts.paths.stateDir.value, dryRun: opts.dryRun, env: opts.env });
    fixes = execution.results;
    if (!opts.dryRun && fixes.some((r) => r.status === 'applied')) findings = await verify(opts, selected, findings, fixes);
  }

  const unavailable: Record<string, string> = {};
  for (const [name, f] of Object.entries(facts)) if (f && !f.ok) unavailable[name] = f.reason;
  const report = buildReport({
    checks: selected,
    skipped: skipped.length,
    findings,
    severityMin: opts.severityMin ?? 'info',
    operationsFor: (f) => opsByFinding.get(f),
    fixes,
    backup: execution?.backup,
    extras: {
      configPath: opts.remote ? undefined : opts.paths.configPath.value,
      durationMs: Math.round(monotonicMs() - started),
      dryRun: opts.dryRun || undefined,
      diff: execution?.diff?.text || undefined,
      unavailable: Object.keys(unavailable).length ? unavailable : undefined,
    },
  });
  return { report, selected, findings, facts, plans, execution };
}

/** Re-collects the facts the affected checks read and runs them again; a fix is verified when its finding is gone. */
async function verify(opts: DoctorOptions, selected: Check[], before: Finding[], fixes: FixResult[]): Promise<Finding[]> {
  const applied = new Set(fixes.filter((r) => r.status === 'applied').map((r) => r.checkId));
  // Every check that reads a fact a fix may have changed runs again, not just the fixed ones.
  const touched = new Set(selected.filter((c) => applied.has(c.meta.id)).flatMap((c) => c.meta.facts));
  const affected = selected.filter((c) => c.meta.facts.some((f) => touched.has(f)));
  const rerun = new Set(affected.map((c) => c.meta.id));
  const ctx = createContext(opts);
  const fresh = await collectFacts(ctx, factsNeeded(affected));
  const again = runChecks(affected, fresh);
  const remaining = new Set(again.map(key));
  for (const r of fixes) if (r.status === 'applied') r.verified = !remaining.has(key(r as { checkId: string; path?: string }));
  return [...before.filter((f) => !rerun.has(f.checkId)), ...again];
}
