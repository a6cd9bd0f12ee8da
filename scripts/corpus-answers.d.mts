export interface CorpusEntry {
  template: string;
  example: string;
  releases: string[];
  file: string;
  area: string;
  kind: string;
  /** The cause the message means, "none" when no cause applies, null until someone labels it. */
  expected: string | null;
  /** Why an entry is labelled "none". */
  note?: string;
}
export type MissKind = 'unlabelled' | 'unrecognised' | 'wrong' | 'none';
export const ROOT: string;
export const CORPUS_FILE: string;
export const MISSES_FILE: string;
export function readCorpus(): CorpusEntry[];
export function explainCorpus(corpus?: CorpusEntry[]): { entries: (CorpusEntry & { causes: string[] })[]; ms: number };
export function missOf(entry: CorpusEntry & { causes: string[] }): MissKind | undefined;
