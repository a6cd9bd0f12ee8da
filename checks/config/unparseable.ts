// The config cannot be read or parsed: name the file, line and column and what was expected there.
// The first choice is the minimal repair (one missing comma, quote or brace), which keeps every
// other byte; else the last good copy, and then the finding says what the broken file still holds
// that the restore would drop, so nothing is lost silently (the broken file is kept as well).
import { en } from '../../src/i18n/index.js';
import { isDeepStrictEqual } from 'node:util';
import { configEvidence, fact } from '../../src/engine/check-helpers.js';
import { defineCheck, type Evidence, say } from '../../src/engine/check.js';
import type { ConfigFact } from '../../src/facts/config.js';
import type { JsonObject } from '../../src/config/load.js';
import { formatPath } from '../../src/config/schema.js';
import type { TextRepair } from '../../src/config/parse-repair.js';

/** The newest saved copy that parses: last-known-good first, then the backup ring. */
export function restorableCopy(config: ConfigFact) {
  return [config.lastKnownGood, ...config.backups].find((c) => c?.raw !== undefined);
}

/** Leaf settings of `broken` that `copy` does not hold with the same value: what a restore drops. */
export function droppedByRestore(broken: JsonObject, copy: JsonObject): { path: string; value: unknown }[] {
  const out: { path: string; value: unknown }[] = [];
  const walk = (a: unknown, b: unknown, at: (string | number)[]) => {
    if (a && typeof a === 'object' && !Array.isArray(a)) {
      for (const [k, v] of Object.entries(a)) walk(v, b && typeof b === 'object' && !Array.isArray(b) ? (b as JsonObject)[k] : undefined, [...at, k]);
    } else if (!isDeepStrictEqual(a, b)) out.push({ path: formatPath(at), value: a });
  };
  walk(broken, copy, []);
  return out;
}

const MAX_LISTED = 8;

export default defineCheck({
  meta: {
    id: 'config/unparseable',
    area: 'config',
    severity: 'error',
    facts: ['config'],
    fix: 'confirm',
    docs: 'seeds: Gateway troubleshooting › config validation (`openclaw config validate`)',
  },
  detect(facts) {
    const config = fact(facts, 'config');
    const e = config?.error;
    if (!config || !e) return [];
    const at = e.line ? `${e.file}:${e.line}:${e.column ?? 1}` : e.file;
    const copy = restorableCopy(config);
    // A half-written file fails on the empty line after its last one: say so rather than show nothing.
    const evidence: Evidence[] = [{ kind: 'file', source: at, value: e.excerpt === undefined ? e.code : e.excerpt.trim() || en('config/unparseable.evidence.truncated') }];
    // The parser's own words for what is wrong stay a parameter in English (e.message); the texts
    // say it from messageRef, the same as a catalog message in the reader's language.
    const params = { at, message: e.message, messageRef: e.reason ?? e.message, copy: copy?.path ?? null };
    const base = { checkId: 'config/unparseable', severity: 'error' as const, cause: 'config-invalid' };
    if (e.repair) {
      return [
        {
          ...base,
          ...say('config/unparseable.repairable', { ...params, repair: e.repair.description, repairRef: e.repair.descriptionRef ?? e.repair.description }),
          evidence,
          data: { repair: e.repair },
        },
      ];
    }
    if (!copy) {
      return [
        {
          ...base,
          ...say('config/unparseable.no-small-edit', { ...params, hint: e.hint ?? null, hintRef: e.hintRef ?? e.hint ?? null, file: e.file }),
          evidence,
        },
      ];
    }
    const dropped = config.salvaged ? droppedByRestore(config.salvaged, copy.raw!) : [];
    const restore = dropped.length ? 'drops' : config.salvaged ? 'matches' : 'unreadable';
    return [
      {
        ...base,
        ...say(`config/unparseable.restore-${restore}`, { ...params, dropped: dropped.slice(0, MAX_LISTED).map((d) => d.path).join(', '), more: Math.max(0, dropped.length - MAX_LISTED) }, 'config/unparseable.restore.fix'),
        evidence: [...evidence, ...dropped.slice(0, MAX_LISTED).map((d) => configEvidence(d.path, d.value))],
        data: { restoreFrom: copy.path },
      },
    ];
  },
  repair(finding) {
    const repair = finding.data?.repair as TextRepair | undefined;
    if (repair) {
      const { line, column, insert, description, descriptionRef } = repair;
      return [{ op: 'config.repair-text', line, column, insert, description, ...(descriptionRef && { descriptionRef }) }];
    }
    return finding.data?.restoreFrom ? [{ op: 'config.restore', from: String(finding.data.restoreFrom), keepCurrentAs: 'clobbered' }] : [];
  },
});
