// `openclaw explain [TEXT…]`: the cause and fix of a pasted log snippet (arguments or stdin).
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { println } from '../output.js';
import { action } from '../run-action.js';
import { t } from '../../i18n/index.js';
import { escapeControl } from '../../system/untrusted-text.js';
import { exitCodeFor, loadMatcherForCli, printReport } from './logs-scan.js';

/** How to pipe the clipboard into explain on this platform (and desktop session). */
export function pasteHint(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'darwin') return '`pbpaste | openclaw explain`'; // i18n-ignore: a command
  // i18n-ignore: a command
  if (platform === 'win32') return t('cli.explain.paste.powershell', { command: '`Get-Clipboard | openclaw explain`' });
  if (env.WAYLAND_DISPLAY) return '`wl-paste | openclaw explain`'; // i18n-ignore: a command
  // i18n-ignore: commands
  return t('cli.explain.paste.xsel', { command: '`xclip -selection clipboard -o | openclaw explain`', other: '`xsel -b | openclaw explain`' });
}

async function runExplain(words: string[], opts: { json?: boolean; eachLine?: boolean }): Promise<number> {
  const fromStdin = words.length === 0 || (words.length === 1 && words[0] === '-');
  if (fromStdin && process.stdin.isTTY) {
    throw new CliError(t('cli.explain.nothing'), EXIT.USAGE, t('cli.explain.nothing.hint', { how: pasteHint() }));
  }
  if (!fromStdin && !words.join('').trim()) throw new CliError(t('cli.explain.empty'), EXIT.USAGE);
  if (opts.eachLine) {
    const { explainEachLine } = await import('./explain-lines.js');
    // Each argument is a line of its own; stdin is read line by line.
    return explainEachLine(fromStdin ? process.stdin : words.join('\n'), Boolean(opts.json));
  }
  const matcher = await loadMatcherForCli();
  const { LogScanner } = await import('../../logs/scanner.js');
  const { scanStream, scanText } = await import('../../logs/read.js');
  const scanner = new LogScanner(matcher);
  scanner.beginSource();
  // Piped text is streamed, so even a whole log piped in stays within bounded memory.
  let blank = true;
  async function* watchBlank(stream: AsyncIterable<Uint8Array>) {
    for await (const chunk of stream) {
      if (blank && /\S/.test(Buffer.from(chunk).toString('latin1'))) blank = false;
      yield chunk;
    }
  }
  // Folded before the scan so a line typed in full width (an IME's `ｅｒｒｏｒ`) reaches the automaton.
  const { foldStream, foldWidth } = await import('../../logs/fold.js');
  if (fromStdin) await scanStream(scanner, foldStream(watchBlank(process.stdin)));
  else scanText(scanner, foldWidth(words.join(' ')));
  if (fromStdin && blank) throw new CliError(t('cli.explain.empty'), EXIT.USAGE);
  const report = scanner.report();
  if (!opts.json && report.causes.length === 0) {
    println(t('cli.explain.unknown'));
    if (report.unrecognized.length) println(t('cli.explain.unrecognized', { templates: escapeControl(report.unrecognized.map((u) => u.template).join(' | ')) }));
    println(t('cli.explain.try'));
    println(t('cli.explain.report1'));
    println(t('cli.explain.report2'));
    return EXIT.OK;
  }
  await printReport(report, Boolean(opts.json));
  return exitCodeFor(report);
}

export function register(program: Command): void {
  program
    .command('explain')
    .description(t('cli.command.explain.summary'))
    .argument('[text...]', t('cli.explain.arg.text'))
    .option('--json', t('cli.explain.option.json'))
    .option('--each-line', t('cli.explain.option.each-line'))
    .addHelpText('after', `\n${t('cli.explain.exit-codes')}`)
    .action(action((words: string[], opts: { json?: boolean; eachLine?: boolean }) => runExplain(words, opts)));
}
