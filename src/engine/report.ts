// The doctor's report, the one shape every reporter renders. `--json` prints it as is: a superset
// of upstream's {schemaVersion, ok, checksRun, checksSkipped, findings[]} (schemas/doctor-report.schema.json).
import type { Check, Finding, FixKind, Severity } from './check.js';
import type { FixResult } from './executor.js';
import type { Operation } from './operations.js';
import { redactValue } from '../config/redact.js';
import { SEVERITY_RANK, sortFindings } from './runner.js';
import { activeLocale, t, type Params } from '../i18n/index.js';

/** A finding as reports show it: the check's finding without the data only repair() reads, plus the fix it would get
 * and, when the locale is not English, the message and fix hint in that locale. */
export type ReportFinding = Omit<Finding, 'data'> & {
  /** The message in the active locale, when that is not English (`message` stays English). */
  text?: string;
  fixHintText?: string;
  fix?: { kind: FixKind; operations: Operation[] };
};

export interface DoctorReport {
  schemaVersion: 1;
  ok: boolean;
  checksRun: number;
  checksSkipped: number;
  findings: ReportFinding[];
  /** `reason` is English; `reasonText` the same in the active locale, when that is not English. */
  fixes?: { checkId: string; status: FixResult['status']; operations: Operation[]; verified: boolean; reason?: string; reasonText?: string }[];
  backup?: string;
  /** Extras beyond upstream's shape. */
  configPath?: string;
  durationMs?: number;
  dryRun?: boolean;
  diff?: string;
  /** Facts that could not be collected, with the reason. */
  unavailable?: Record<string, string>;
}

/** Redacts the secret values repair operations carry (a generated token) before they are shown. */
export function redactOperation(op: Operation): Operation {
  // By the key it is set under, and inside a whole section (the config a missing one is created with).
  if (op.op === 'config.set') return { ...op, value: redactValue(op.value, op.path.split('.').at(-1)) };
  return op;
}

/** A message in the active locale, for the report's `text` fields; none in English (that is `message`). */
function translated(id: string | undefined, params: Params | undefined): string | undefined {
  return id && activeLocale() !== 'en' ? t(id, params) : undefined;
}

export function buildReport(args: {
  checks: Check[];
  skipped: number;
  findings: Finding[];
  severityMin: Severity;
  operationsFor: (f: Finding) => Operation[] | undefined;
  fixes?: FixResult[];
  backup?: string;
  extras?: Partial<DoctorReport>;
}): DoctorReport {
  const kinds = new Map(args.checks.map((c) => [c.meta.id, c.meta.fix]));
  const shown = sortFindings(args.findings).filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[args.severityMin]);
  const findings = shown.map((f): ReportFinding => {
    const kind = kinds.get(f.checkId) ?? 'none';
    const ops = kind === 'none' ? undefined : args.operationsFor(f);
    return {
      checkId: f.checkId,
      severity: f.severity,
      message: f.message,
      messageId: f.messageId,
      params: f.messageId ? f.params : undefined,
      text: translated(f.messageId, f.params),
      path: f.path,
      fixHint: f.fixHint,
      fixHintId: f.fixHintId,
      fixHintText: translated(f.fixHintId, f.params),
      cause: f.cause,
      evidence: f.evidence?.length ? f.evidence : undefined,
      details: f.details,
      fix: ops?.length ? { kind, operations: ops.map(redactOperation) } : undefined,
    };
  });
  return {
    schemaVersion: 1,
    ok: !args.findings.some((f) => f.severity === 'error'),
    checksRun: args.checks.length,
    checksSkipped: args.skipped,
    findings,
    fixes: args.fixes?.map((r) => ({
      checkId: r.checkId,
      status: r.status,
      operations: r.operations.map(redactOperation),
      verified: r.verified,
      reason: r.reason,
      reasonText: translated(r.reasonRef?.id, r.reasonRef?.params),
    })),
    backup: args.backup,
    ...args.extras,
  };
}
