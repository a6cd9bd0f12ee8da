// The upstream-message corpus with the built `openclaw explain --json --each-line` answer to each
// example (its causes, top first), for bench/corpus-coverage.mjs and scripts/corpus-misses.mjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_FILE = path.join(ROOT, 'test', 'corpus', 'upstream-messages.jsonl');
export const MISSES_FILE = path.join(ROOT, 'test', 'corpus', 'upstream-misses.yaml');

export function readCorpus() {
  return fs
    .readFileSync(CORPUS_FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

/** Each entry with `causes` (explain's answer), and how long the one explain process took. */
export function explainCorpus(corpus = readCorpus()) {
  const cli = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
  if (!fs.existsSync(cli)) throw new Error('build first: npm run build');
  // Every example on its own line (a line break inside one would split it).
  const input = corpus.map((e) => e.example.replace(/[\r\n]+/g, ' ')).join('\n');
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, 'explain', '--json', '--each-line'], { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`explain failed (${r.status}): ${r.stderr}`);
  const byLine = new Map(
    r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .map((a) => [a.line, a.causes]),
  );
  return { entries: corpus.map((e, i) => ({ ...e, causes: byLine.get(i + 1) ?? [] })), ms };
}

/** The same rule as test/helpers/upstream-corpus.ts: unlabelled, unrecognised, or a wrong top cause. */
export function missOf(entry) {
  if (entry.expected === null) return 'unlabelled';
  if (entry.causes.length === 0) return entry.expected === 'none' ? 'none' : 'unrecognised';
  if (entry.expected !== 'none' && entry.causes[0] !== entry.expected) return 'wrong';
  return undefined;
}
