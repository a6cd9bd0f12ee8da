// `openclaw explain --each-line`: every input line answered on its own, for CI and corpora. With
// --json, one JSON object per line (JSON Lines), in input order; blank lines are skipped.
import readline from 'node:readline';
import { Readable } from 'node:stream';
import { foldWidth } from '../../logs/fold.js';
import { escapeControl } from '../../system/untrusted-text.js';
import { EXIT } from '../exit-codes.js';
import { printJsonLine, println } from '../output.js';
import { loadMatcherForCli } from './logs-scan.js';
import { t } from '../../i18n/index.js';

export interface LineAnswer {
  line: number;
  /** The cause ids that matched, the most likely first; empty when none did. */
  causes: string[];
  severity?: 'info' | 'warning' | 'error';
  signatures: string[];
}

export async function explainEachLine(input: NodeJS.ReadableStream | string, json: boolean): Promise<number> {
  const matcher = await loadMatcherForCli();
  const { scanLinesWith } = await import('../../signatures/index.js');
  const stream = typeof input === 'string' ? Readable.from([input]) : input;
  let n = 0;
  let worst = EXIT.OK as number;
  for await (const text of readline.createInterface({ input: stream, crlfDelay: Infinity })) {
    n++;
    if (!text.trim()) continue;
    // Folded as explain folds a paste: an IME's full-width line reaches the automaton as ASCII.
    const report = scanLinesWith(matcher, [foldWidth(text)]);
    const top = report.causes[0];
    const answer: LineAnswer = { line: n, causes: report.causes.map((c) => c.cause), severity: top?.severity, signatures: top?.signatures ?? [] };
    if (top?.severity === 'error') worst = EXIT.FAILED;
    if (json) printJsonLine(answer);
    else println(`${String(n).padStart(4)}  ${(top ? `${top.cause} (${top.severity})` : t('cli.explain.line.none')).padEnd(38)}  ${escapeControl(text.length > 100 ? `${text.slice(0, 99)}…` : text)}`);
  }
  return worst;
}
