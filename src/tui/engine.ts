// What the wizard asks of the doctor, behind one interface so tests can inject deterministic
// answers. The real implementation calls the doctor engine (runDoctor: collect → detect → plan →
// executor with backups → verify), the fact collectors and the signature catalog; nothing here
// re-implements them.
import type { Finding, FixKind } from '../engine/check.js';
import type { ReportFinding } from '../engine/report.js';
import type { Operation } from '../engine/operations.js';
import type { CollectOptions } from '../facts/context.js';
import type { FactName } from '../facts/types.js';
import { collectFact, createContext } from '../facts/collect.js';
import { collectSecrets } from '../config/redact.js';
import { summariseFact, type LogHit, type StepOutcome } from './steps.js';
import { t } from '../i18n/index.js';

export interface FixOutcome {
  checkId: string;
  status: 'applied' | 'skipped' | 'failed';
  verified: boolean;
  reason?: string;
}

export interface ApplyOutcome {
  fixes: FixOutcome[];
  /** Findings of the fixed checks after the re-run (empty when every fix verified). */
  after: ReportFinding[];
  backup?: string;
  diff?: string;
}

export interface PreviewOutcome {
  diff?: string;
  operations: { checkId: string; kind: FixKind; operations: Operation[] }[];
}

export interface TriageEngine {
  /** One ladder step: collect a fact and summarise it. */
  step(fact: FactName): Promise<StepOutcome>;
  /** Recent log lines through the signature catalog; onHit fires as each match is found. */
  scanLogs(onHit: (hit: LogHit) => void): Promise<number>;
  /** Run the doctor checks of these areas (empty: all); findings come back ranked. */
  diagnose(areas: string[]): Promise<ReportFinding[]>;
  /** Dry run of the chosen fixes: the operations and the config diff. */
  preview(checkIds: string[]): Promise<PreviewOutcome>;
  /** Apply the chosen fixes through the doctor's executor, then verify. */
  apply(checkIds: string[]): Promise<ApplyOutcome>;
  /** For the report: where things are, without secrets. */
  environment(): Record<string, string>;
  /** The secret values in the config, so the report can scrub them from free text. */
  secrets(): string[];
}

export function engineFor(opts: CollectOptions): TriageEngine {
  // One collection context per wizard: a fact is read once for the ladder and reused by its steps.
  const ctx = createContext(opts);
  const checksPromise = import('../engine/loader.js').then((m) => m.loadChecks());
  const run = async (extra: { only: string[]; fix?: boolean; dryRun?: boolean }) => {
    const { runDoctor } = await import('../engine/doctor.js');
    const checks = await checksPromise;
    // Areas a build has no checks for are dropped rather than refused.
    const only = extra.only.filter((p) => checks.some((c) => c.meta.id === p || c.meta.area === p));
    if (extra.only.length && !only.length) return undefined;
    // The user confirmed each fix by choosing it and pressing enter, after its reason was shown.
    return runDoctor({ ...opts, checks, only, fix: extra.fix, dryRun: extra.dryRun, confirm: async () => true });
  };

  return {
    async step(fact) {
      return summariseFact(fact, await collectFact(ctx, fact));
    },
    async scanLogs(onHit) {
      const logs = await collectFact(ctx, 'logs');
      if (!logs.ok || !logs.value.lines.length) return 0;
      const { scanLines } = await import('../signatures/index.js');
      const report = await scanLines(
        logs.value.lines.map((l) => l.text),
        { onMatch: (hit) => onHit({ cause: hit.cause, severity: hit.severity, text: hit.text }) },
      );
      return report.matches.length;
    },
    async diagnose(areas) {
      return (await run({ only: areas }))?.report.findings ?? [];
    },
    async preview(checkIds) {
      const r = await run({ only: checkIds, dryRun: true });
      if (!r) return { operations: [] };
      return {
        diff: r.report.diff,
        operations: r.report.findings.filter((f) => f.fix).map((f) => ({ checkId: f.checkId, kind: f.fix!.kind, operations: f.fix!.operations })),
      };
    },
    async apply(checkIds) {
      const r = await run({ only: checkIds, fix: true });
      if (!r) return { fixes: [], after: [] };
      const fixes = (r.report.fixes ?? []).map((f) => ({ checkId: f.checkId, status: f.status, verified: f.verified, reason: f.reason }));
      return { fixes, after: r.report.findings, backup: r.report.backup, diff: r.report.diff };
    },
    environment() {
      return {
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        stateDir: opts.paths.stateDir.value,
        configPath: opts.paths.configPath.value,
      };
    },
    secrets() {
      const c = ctx.config();
      return [...collectSecrets(c.raw), ...collectSecrets(c.resolved)];
    },
  };
}

/** Why a confirm-kind fix waits for a yes, in words, from what its operations would do. */
export function whyConfirm(ops: Operation[]): string {
  const why = ops.map((o) => {
    switch (o.op) {
      case 'config.restore':
        return t('tui.why.restore', { from: o.from });
      case 'config.repair-text':
        return t('tui.why.repair-text', { description: o.description });
      case 'port.free':
        return t('tui.why.port-free', { pid: o.pid, command: o.command || null, port: o.port });
      case 'lock.clear':
        return t('tui.why.lock-clear');
      case 'gateway.restart':
        return t('tui.why.gateway-restart');
      case 'service.install':
        return t('tui.why.service-install');
      case 'file.remove':
        return t('tui.why.file-remove', { path: o.path });
      case 'config.unset':
        return t('tui.why.config-unset', { path: o.path });
      default:
        return t('tui.why.other');
    }
  });
  return [...new Set(why)].join('; ');
}

export type { Finding, LogHit, ReportFinding, StepOutcome };
