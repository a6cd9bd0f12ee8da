// The upstream-message corpus (scripts/mine-upstream.mjs → test/corpus/upstream-messages.jsonl) and
// its list of known misses (test/corpus/upstream-misses.yaml, written by scripts/corpus-misses.mjs).
import fs from 'node:fs';
import { parse } from 'yaml';
import { MISSES_FILE, type MissKind } from '../../scripts/corpus-answers.mjs';

export { missOf, readCorpus, type CorpusEntry, type MissKind } from '../../scripts/corpus-answers.mjs';

export interface ListedMiss {
  template: string;
  area: string;
  miss: MissKind;
  /** explain's top cause today, for a wrong answer. */
  got?: string;
  reason: string;
}

export function readMisses(): ListedMiss[] {
  return (parse(fs.readFileSync(MISSES_FILE, 'utf8')) as ListedMiss[] | null) ?? [];
}
