// Carries out fix plans: every config edit of the run is applied to one in-memory copy, validated,
// shown as a unified diff (dry run) or written once, atomically, with a backup. Side effects
// (chmod, lock removal, freeing a port, restart) follow. Everything undoable goes in the journal.
import fs from 'node:fs';
import { diffConfigs, diffTexts, type ConfigDiff } from '../config/diff.js';
import { ConfigError } from '../config/errors.js';
import { parseConfigText, readConfigFile, readRegularFile, type JsonObject } from '../config/load.js';
import { applyRepair } from '../config/parse-repair.js';
import { stateLayout, type ResolvedPaths } from '../config/paths.js';
import { collectSecrets } from '../config/redact.js';
import { ConfigWriteRejectedError, fileTimestamp, saveClobbered, serializeConfig, writeConfig } from '../config/write.js';
import { ConfigBusyError, withConfigWriteLock } from '../config/write-lock.js';
import type { ConfigFact } from '../facts/config.js';
import { applyConfigOps, ConfigOpConflict, isConfigOp, replacesWholeConfig } from './apply-config.js';
import { appendJournal, saveConfigCopy, sha256, type JournalEntry } from './journal.js';
import type { FixPlan } from './planner.js';
import { ManualStepError, runSideEffect, StepError, type SideEffectHooks, type UndoStep } from './side-effects.js';
import { listRef, type MessageRef } from '../i18n/index.js';
import type { Operation } from './operations.js';

export interface FixResult {
  checkId: string;
  status: 'applied' | 'skipped' | 'failed';
  operations: Operation[];
  /** Set after the affected checks ran again on re-collected facts. */
  verified: boolean;
  reason?: string;
  /** The reason as a catalog message, for the reader's language (`reason` stays English). */
  reasonRef?: MessageRef;
  /** Whether the finding this fix was for had a config path (used to match it on verify). */
  path?: string;
}

export interface ExecuteOptions extends SideEffectHooks {
  config: ConfigFact;
  stateDir: string;
  dryRun?: boolean;
  env?: NodeJS.ProcessEnv;
  /** The profile's paths (service.install writes its definition from them). */
  paths?: ResolvedPaths;
}

export interface ExecuteResult {
  results: FixResult[];
  diff?: ConfigDiff;
  backup?: string;
  journal?: string;
  /** Where the broken config was kept when a restore replaced it. */
  clobberedCopy?: string;
}

function readCopy(file: string): JsonObject {
  return parseConfigText(file, readRegularFile(file).buf.toString('utf8'));
}

/** The config as it is now: its raw object, {} when there is no file, or broken when it does not parse. */
function rereadRaw(file: string): { raw?: JsonObject; broken: boolean } {
  try {
    const r = readConfigFile(file);
    return { raw: r.exists ? r.raw : undefined, broken: false };
  } catch (err) {
    if (err instanceof ConfigError) return { broken: true };
    throw err;
  }
}

interface Draft {
  draft?: JsonObject;
  plans: FixPlan[];
  /** Set by a text repair: the file's own text with the insertion, written instead of a re-serialisation. */
  repairedText?: string;
}

/** Applies the config plans to one draft, restores and moves first; a plan that conflicts is dropped alone. */
function draftEdits(file: string, plans: FixPlan[], before: JsonObject | undefined, broken: boolean, failed: Map<FixPlan, Why>): Draft {
  let draft: JsonObject | undefined = before ? structuredClone(before) : broken ? undefined : {};
  let repairedText: string | undefined;
  const applied: FixPlan[] = [];
  // Restores and moves go first: they keep what the user wrote; sets computed elsewhere come after.
  const rank = (p: FixPlan) => (p.operations.some(replacesWholeConfig) ? 0 : p.operations.some((o) => o.op === 'config.move') ? 1 : 2);
  for (const p of [...plans].sort((a, b) => rank(a) - rank(b))) {
    const textRepair = p.operations.find((o) => o.op === 'config.repair-text');
    if (textRepair?.op === 'config.repair-text') {
      try {
        repairedText = applyRepair(readRegularFile(file).buf.toString('utf8'), textRepair);
        draft = parseConfigText(file, repairedText);
        applied.push(p);
      } catch (err) {
        repairedText = undefined;
        const message = (err as Error).message;
        failed.set(p, { english: `the repair no longer applies (the file changed?): ${message}`, ref: { id: 'repair.reason.no-longer-applies', params: { message } } });
      }
      continue;
    }
    if (draft === undefined && !p.operations.some(replacesWholeConfig)) {
      failed.set(p, { english: 'the config does not parse, so it cannot be edited; fix config/unparseable first', ref: { id: 'repair.reason.unparseable-first' } });
      continue;
    }
    try {
      draft = applyConfigOps(draft ?? {}, p.operations, readCopy);
      applied.push(p);
    } catch (err) {
      const message = (err as Error).message;
      failed.set(p, err instanceof ConfigOpConflict ? { english: message } : { english: `cannot apply: ${message}`, ref: { id: 'repair.reason.cannot-apply', params: { message } } });
    }
  }
  // Another plan's edits on top of a repaired text make it a re-serialised file after all.
  return { draft, plans: applied, repairedText: applied.length === 1 ? repairedText : undefined };
}

/** The diff to show; a file that does not parse is shown as its own text, so the diff shows what a restore drops. */
function draftDiff(file: string, before: JsonObject | undefined, d: Draft, config: ConfigFact): ConfigDiff | undefined {
  if (!d.draft || !d.plans.length) return undefined;
  let brokenText: string | undefined;
  if (before === undefined && config.error?.code === 'parse') {
    try {
      brokenText = readRegularFile(file).buf.toString('utf8');
    } catch {
      brokenText = undefined;
    }
  }
  if (brokenText === undefined) return diffConfigs(file, before, d.draft);
  return diffTexts(file, brokenText, d.repairedText ?? serializeConfig(d.draft), [...collectSecrets(config.salvaged), ...collectSecrets(d.draft)]);
}

/** Why a fix went as it did, in English and as a catalog message. */
interface Why {
  english: string;
  ref?: MessageRef;
}

/** Several reasons as one: `first; rest`, each part in the reader's language where it has an id. */
function joined(whys: Why[]): Why | undefined {
  if (!whys.length) return undefined;
  const ref = listRef('repair.reason.and', whys.map((w) => w.ref ?? w.english));
  return { english: whys.map((w) => w.english).join('; '), ref: typeof ref === 'string' ? undefined : ref };
}

function result(plan: FixPlan, status: FixResult['status'], why?: Why): FixResult {
  return { checkId: plan.checkId, status, operations: plan.operations, verified: false, reason: why?.english, ...(why?.ref && { reasonRef: why.ref }), path: plan.finding.path };
}

const planWhy = (p: FixPlan): Why | undefined => (p.reason === undefined ? undefined : { english: p.reason, ref: p.reasonRef });

export async function executeFixes(plans: FixPlan[], opts: ExecuteOptions): Promise<ExecuteResult> {
  const out: ExecuteResult = { results: [] };
  const file = opts.config.path;
  const before = opts.config.raw;
  const runnable: FixPlan[] = [];
  for (const p of plans) {
    if (p.status === 'planned') runnable.push(p);
    else out.results.push(result(p, p.status === 'failed' ? 'failed' : 'skipped', planWhy(p)));
  }

  // 1. Config edits, plan by plan on one draft: a plan that conflicts is dropped alone.
  const configRunnable = runnable.filter((p) => p.operations.some(isConfigOp));
  const failed = new Map<FixPlan, Why>();
  if (opts.dryRun) {
    const d = draftEdits(file, configRunnable, before, Boolean(opts.config.error), failed);
    out.diff = draftDiff(file, before, d, opts.config);
    const dryRun = { english: 'dry run: nothing was changed', ref: { id: 'repair.reason.dry-run' } };
    for (const p of runnable) out.results.push(result(p, failed.has(p) ? 'failed' : 'skipped', failed.get(p) ?? dryRun));
    return out;
  }

  const id = fileTimestamp();
  const entry: JournalEntry = { id, at: new Date().toISOString(), checkIds: [], configPath: file, undo: [], irreversible: [] };

  // 2. One atomic config write, validated (a restore writes a known copy verbatim). The config is
  // read again under the write lock and the edits applied to what is there now, so a change made
  // since the facts were collected (a `config set`, the gateway) is kept, not overwritten.
  if (configRunnable.length) {
    try {
      withConfigWriteLock(file, () => {
        const now = rereadRaw(file);
        const d = draftEdits(file, configRunnable, now.raw, now.broken, failed);
        const draft = d.draft;
        const configPlans = d.plans;
        const restoring = configPlans.some((p) => p.operations.some(replacesWholeConfig));
        out.diff = draftDiff(file, now.raw, d, { ...opts.config, error: now.broken ? opts.config.error : undefined });
        const changed = Boolean(draft && configPlans.length && (restoring || out.diff?.changed));
        // Otherwise nothing is written: the config already says what the repairs want (a second --fix).
        if (!draft || !changed) return;
        try {
          entry.configBefore = saveConfigCopy(opts.stateDir, file, id);
          const keep = configPlans.flatMap((p) => p.operations).find((o) => o.op === 'config.restore' && o.keepCurrentAs !== undefined);
          if (keep && fs.lstatSync(file, { throwIfNoEntry: false })) out.clobberedCopy = saveClobbered(file);
          const w = writeConfig(file, draft, {
            text: d.repairedText,
            previous: restoring ? undefined : now.raw,
            skipValidation: restoring && configPlans.length === 1,
            auditFile: stateLayout(opts.stateDir).configAudit,
            reason: `doctor --fix: ${configPlans.map((p) => p.checkId).join(', ')}`,
            env: opts.env,
          });
          out.backup = w.backup;
          entry.configAfterSha = sha256(d.repairedText ?? serializeConfig(draft));
        } catch (err) {
          const message = (err as Error).message;
          const why = err instanceof ConfigWriteRejectedError ? { english: message } : { english: `config write failed: ${message}`, ref: { id: 'repair.reason.write-failed', params: { message } } };
          for (const p of configPlans) failed.set(p, why);
          entry.configBefore = undefined;
        }
      });
    } catch (err) {
      if (!(err instanceof ConfigBusyError)) throw err;
      for (const p of configRunnable) failed.set(p, { english: err.message });
    }
  }

  // 3. Side effects, after the config is in place.
  for (const p of runnable) {
    if (failed.has(p)) {
      out.results.push(result(p, 'failed', failed.get(p)));
      continue;
    }
    const notes: Why[] = [];
    let status: FixResult['status'] = 'applied';
    for (const op of p.operations.filter((o) => !isConfigOp(o))) {
      try {
        const undo: UndoStep | undefined = await runSideEffect(op, opts);
        if (undo) entry.undo.push(undo);
        else if (op.op === 'port.free') entry.irreversible.push(`stopped pid ${op.pid} (${op.command ?? 'unknown command'}) on port ${op.port}`);
      } catch (err) {
        notes.push({ english: (err as Error).message, ref: err instanceof StepError ? err.ref : undefined });
        if (err instanceof ManualStepError) {
          if (err.undo) entry.undo.push(err.undo);
        }
        else status = 'failed';
      }
    }
    entry.checkIds.push(p.checkId);
    out.results.push(result(p, status, joined(notes)));
  }

  if (entry.configBefore || entry.undo.length || entry.irreversible.length) {
    try {
      out.journal = appendJournal(opts.stateDir, entry);
    } catch {
      // The fix itself worked; the journal is what makes it undoable, so say so in the result.
      const noJournal = { english: 'the undo journal could not be written', ref: { id: 'repair.reason.no-journal' } };
      for (const r of out.results) {
        if (r.status !== 'applied') continue;
        const why = joined([...(r.reason === undefined ? [] : [{ english: r.reason, ref: r.reasonRef }]), noJournal])!;
        Object.assign(r, { reason: why.english, reasonRef: why.ref });
      }
    }
  }
  return out;
}
