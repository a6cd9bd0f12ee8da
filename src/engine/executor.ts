// Carries out fix plans: every config edit of the run is applied to one in-memory copy, validated,
// shown as a unified diff (dry run) or written once, atomically, with a backup. Side effects
// (chmod, lock removal, freeing a port, restart) follow. Everything undoable goes in the journal.
import fs from 'node:fs';
import { diffConfigs, diffTexts, type ConfigDiff } from '../config/diff.js';
import { collectSecrets } from '../config/redact.js';
import { parseConfigText, type JsonObject } from '../config/load.js';
import { stateLayout, type ResolvedPaths } from '../config/paths.js';
import { ConfigWriteRejectedError, fileTimestamp, saveClobbered, serializeConfig, writeConfig } from '../config/write.js';
import type { ConfigFact } from '../facts/config.js';
import { applyConfigOps, ConfigOpConflict, isConfigOp, replacesWholeConfig } from './apply-config.js';
import { applyRepair } from '../config/parse-repair.js';
import { appendJournal, saveConfigCopy, sha256, type JournalEntry } from './journal.js';
import type { FixPlan } from './planner.js';
import { ManualStepError, runSideEffect, type SideEffectHooks, type UndoStep } from './side-effects.js';
import type { Operation } from './operations.js';

export interface FixResult {
  checkId: string;
  status: 'applied' | 'skipped' | 'failed';
  operations: Operation[];
  /** Set after the affected checks ran again on re-collected facts. */
  verified: boolean;
  reason?: string;
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

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function readCopy(file: string): JsonObject {
  return parseConfigText(file, fs.readFileSync(file, 'utf8'));
}

function result(plan: FixPlan, status: FixResult['status'], reason?: string): FixResult {
  return { checkId: plan.checkId, status, operations: plan.operations, verified: false, reason, path: plan.finding.path };
}

export async function executeFixes(plans: FixPlan[], opts: ExecuteOptions): Promise<ExecuteResult> {
  const out: ExecuteResult = { results: [] };
  const file = opts.config.path;
  const before = opts.config.raw;
  const runnable: FixPlan[] = [];
  for (const p of plans) {
    if (p.status === 'planned') runnable.push(p);
    else out.results.push(result(p, p.status === 'failed' ? 'failed' : 'skipped', p.reason));
  }

  // 1. Config edits, plan by plan on one draft: a plan that conflicts is dropped alone.
  let draft: JsonObject | undefined = before ? structuredClone(before) : opts.config.error ? undefined : {};
  const configPlans: FixPlan[] = [];
  const failed = new Map<FixPlan, string>();
  // Restores and moves go first: they keep what the user wrote; sets computed elsewhere come after.
  const rank = (p: FixPlan) => (p.operations.some(replacesWholeConfig) ? 0 : p.operations.some((o) => o.op === 'config.move') ? 1 : 2);
  // A text repair writes the file's own text with the inserted characters, not a re-serialisation.
  let repairedText: string | undefined;
  for (const p of runnable.filter((p) => p.operations.some(isConfigOp)).sort((a, b) => rank(a) - rank(b))) {
    const restores = p.operations.some(replacesWholeConfig);
    const textRepair = p.operations.find((o) => o.op === 'config.repair-text');
    if (textRepair?.op === 'config.repair-text') {
      try {
        repairedText = applyRepair(fs.readFileSync(file, 'utf8'), textRepair);
        draft = parseConfigText(file, repairedText);
        configPlans.push(p);
      } catch (err) {
        repairedText = undefined;
        failed.set(p, `the repair no longer applies (the file changed?): ${(err as Error).message}`);
      }
      continue;
    }
    if (draft === undefined && !restores) {
      failed.set(p, 'the config does not parse, so it cannot be edited; fix config/unparseable first');
      continue;
    }
    try {
      draft = applyConfigOps(draft ?? {}, p.operations, readCopy);
      configPlans.push(p);
    } catch (err) {
      failed.set(p, err instanceof ConfigOpConflict ? err.message : `cannot apply: ${(err as Error).message}`);
    }
  }
  const restoring = configPlans.some((p) => p.operations.some(replacesWholeConfig));
  if (draft && configPlans.length) {
    // A file that does not parse is shown as its own text, so the diff shows what a restore drops.
    const brokenText = before === undefined && opts.config.error?.code === 'parse' ? readText(file) : undefined;
    out.diff =
      brokenText === undefined
        ? diffConfigs(file, before, draft)
        : diffTexts(file, brokenText, repairedText ?? serializeConfig(draft), [...collectSecrets(opts.config.salvaged), ...collectSecrets(draft)]);
  }

  if (opts.dryRun) {
    for (const p of runnable) out.results.push(result(p, failed.has(p) ? 'failed' : 'skipped', failed.get(p) ?? 'dry run: nothing was changed'));
    return out;
  }

  const id = fileTimestamp();
  const entry: JournalEntry = { id, at: new Date().toISOString(), checkIds: [], configPath: file, undo: [], irreversible: [] };

  // 2. One atomic config write, validated (a restore writes a known copy verbatim).
  const changed = Boolean(draft && configPlans.length && (restoring || out.diff?.changed));
  if (draft && changed) {
    try {
      entry.configBefore = saveConfigCopy(opts.stateDir, file, id);
      const keep = configPlans.flatMap((p) => p.operations).find((o) => o.op === 'config.restore' && o.keepCurrentAs !== undefined);
      if (keep && fs.existsSync(file)) out.clobberedCopy = saveClobbered(file);
      const w = writeConfig(file, draft, {
        text: configPlans.length === 1 ? repairedText : undefined,
        previous: restoring ? undefined : before,
        skipValidation: restoring && configPlans.length === 1,
        auditFile: stateLayout(opts.stateDir).configAudit,
        reason: `doctor --fix: ${configPlans.map((p) => p.checkId).join(', ')}`,
        env: opts.env,
      });
      out.backup = w.backup;
      entry.configAfterSha = sha256(configPlans.length === 1 && repairedText !== undefined ? repairedText : serializeConfig(draft));
    } catch (err) {
      const why = err instanceof ConfigWriteRejectedError ? err.message : `config write failed: ${(err as Error).message}`;
      for (const p of configPlans) failed.set(p, why);
      entry.configBefore = undefined;
    }
  }
  // Otherwise nothing is written: the config already says what the repairs want (a second --fix).

  // 3. Side effects, after the config is in place.
  for (const p of runnable) {
    if (failed.has(p)) {
      out.results.push(result(p, 'failed', failed.get(p)));
      continue;
    }
    const notes: string[] = [];
    let status: FixResult['status'] = 'applied';
    for (const op of p.operations.filter((o) => !isConfigOp(o))) {
      try {
        const undo: UndoStep | undefined = await runSideEffect(op, opts);
        if (undo) entry.undo.push(undo);
        else if (op.op === 'port.free') entry.irreversible.push(`stopped pid ${op.pid} (${op.command ?? 'unknown command'}) on port ${op.port}`);
      } catch (err) {
        if (err instanceof ManualStepError) {
          notes.push(err.message);
          if (err.undo) entry.undo.push(err.undo);
        }
        else {
          status = 'failed';
          notes.push((err as Error).message);
        }
      }
    }
    entry.checkIds.push(p.checkId);
    out.results.push(result(p, status, notes.join('; ') || undefined));
  }

  if (entry.configBefore || entry.undo.length || entry.irreversible.length) {
    try {
      out.journal = appendJournal(opts.stateDir, entry);
    } catch {
      // The fix itself worked; the journal is what makes it undoable, so say so in the result.
      for (const r of out.results) if (r.status === 'applied') r.reason = [r.reason, 'the undo journal could not be written'].filter(Boolean).join('; ');
    }
  }
  return out;
}
