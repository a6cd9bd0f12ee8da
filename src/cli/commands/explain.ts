// `openclaw explain [TEXT…]`: the cause and fix of a pasted log snippet (arguments or stdin).
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { println } from '../output.js';
import { action } from '../run-action.js';
import { exitCodeFor, loadMatcherForCli, printReport } from './logs-scan.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function runExplain(words: string[], opts: { json?: boolean }): Promise<number> {
  let text = words.join(' ');
  if (words.length === 0 || (words.length === 1 && words[0] === '-')) {
    if (process.stdin.isTTY) {
      throw new CliError('nothing to explain', EXIT.USAGE, 'Paste the log line as an argument (quoted), or pipe it: `pbpaste | openclaw explain`.');
    }
    text = await readStdin();
  }
  if (!text.trim()) throw new CliError('nothing to explain: the text is empty', EXIT.USAGE);
  const matcher = await loadMatcherForCli();
  const { scanLinesWith } = await import('../../signatures/index.js');
  const report = scanLinesWith(matcher, [text]);
  if (!opts.json && report.causes.length === 0) {
    println('No known failure signature in this text.');
    if (report.unrecognized.length) println(`Unrecognized: ${report.unrecognized.map((u) => u.template).join(' | ')}`);
    println('Try `openclaw doctor`, or `openclaw logs scan` for the whole gateway log.');
    return EXIT.OK;
  }
  await printReport(report, Boolean(opts.json));
  return exitCodeFor(report);
}

export function register(program: Command): void {
  program
    .command('explain')
    .description('explain a pasted log line or error message: its cause and the fix')
    .argument('[text...]', 'the text (quote it); read from stdin when omitted or -')
    .option('--json', 'print {scanned, matches, causes, unrecognized} as JSON')
    .addHelpText('after', '\nExit codes: 0 no error-severity cause · 1 error-severity cause found · 2 usage error')
    .action(action((words: string[], opts: { json?: boolean }) => runExplain(words, opts)));
}
