// `openclaw logs scan [FILE|-]`: known failure signatures in the gateway's logs, with causes and fixes.
// Heavy modules (catalog, scanner) load inside the action so `--help` stays fast.
import fs from 'node:fs';
import type { Command } from 'commander';
import { contextFor } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { eprintln, printJson, printJsonLine, println } from '../output.js';
import { action } from '../run-action.js';
import { t } from '../../i18n/index.js';
import type { Match, ScanReport } from '../../logs/scanner.js';
import { NotRegularFileError } from '../../system/regular-file.js';
import { escapeControl } from '../../system/untrusted-text.js';

export interface ScanCliOptions {
  json?: boolean;
  since?: string;
  follow?: boolean;
  limit?: string;
}

const FOLLOW_POLL_MS = 250;

/** 1 when an error-severity cause was found, else 0 (documented in the README). */
export function exitCodeFor(report: ScanReport): number {
  return report.causes.some((c) => c.severity === 'error') ? EXIT.FAILED : EXIT.OK;
}

export function parseLimit(text: string | undefined): number {
  if (text === undefined) return 1000;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new CliError(t('cli.scan.limit', { value: text }), EXIT.USAGE);
  return n;
}

async function sinceCutoff(text: string | undefined): Promise<number | undefined> {
  if (text === undefined) return undefined;
  const { parseSince } = await import('../../system/duration.js');
  const cutoff = parseSince(text);
  if (cutoff === undefined) throw new CliError(t('cli.scan.since', { value: text }), EXIT.USAGE);
  return cutoff;
}

export async function loadMatcherForCli() {
  const { loadMatcher, CatalogError } = await import('../../signatures/index.js');
  try {
    return await loadMatcher();
  } catch (err) {
    if (err instanceof CatalogError) throw new CliError(t('cli.scan.catalog-broken', { message: err.message }), EXIT.FAILED);
    throw err;
  }
}

export async function printReport(report: ScanReport, json: boolean, compact = false): Promise<void> {
  if (json) {
    if (compact) printJsonLine(report);
    else printJson(report);
    return;
  }
  const { renderReport } = await import('../../logs/render.js');
  println(renderReport(report));
}

function fileArgument(file: string): string {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(t('cli.scan.no-such-file', { file }), EXIT.USAGE, t('cli.scan.no-such-file.hint'));
    throw new CliError(t('cli.scan.cannot-read', { file, message: (err as Error).message }), EXIT.FAILED);
  }
  if (st.isDirectory()) throw new CliError(t('cli.scan.directory', { file }), EXIT.USAGE);
  return file;
}

/** A FIFO or device where a log was expected: not read (it would block), and said so on stderr. */
function noteSkipped(file: string, kind: string): void {
  eprintln(t('cli.scan.skipped', { file: escapeControl(file), kind }));
}

/**
 * File errors (unreadable, vanished) are the user's to fix, not a bug: say which file and why. A
 * found log that turned out not to be a regular file is skipped with a note (undefined).
 */
async function readable<T>(file: string, read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof NotRegularFileError) {
      noteSkipped(file, err.kind);
      return undefined;
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code) throw new CliError(t('cli.scan.cannot-read', { file, message: (err as Error).message }), EXIT.FAILED, code === 'EACCES' ? t('cli.scan.cannot-read.hint') : undefined);
    throw err;
  }
}

/** Resolves until SIGINT/SIGTERM, then removes its handlers. */
function untilInterrupted(): { done: Promise<void>; stop: () => void } {
  let stop!: () => void;
  const done = new Promise<void>((resolve) => {
    stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
  });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return { done, stop };
}

async function runScan(file: string | undefined, opts: ScanCliOptions, cmd: Command): Promise<number> {
  const since = await sinceCutoff(opts.since);
  const limit = parseLimit(opts.limit);
  const json = Boolean(opts.json);
  const follow = Boolean(opts.follow);
  const files = file === undefined || file === '-' ? undefined : [fileArgument(file)];
  const matcher = await loadMatcherForCli();
  const { LogScanner } = await import('../../logs/scanner.js');
  const { scanFile, scanStream } = await import('../../logs/read.js');
  const { renderMatchLine } = await import('../../logs/render.js');

  let sawError = false;
  let streaming = false;
  const onMatch = (m: Match) => {
    if (m.severity === 'error') sawError = true;
    if (!streaming) return;
    if (json) printJsonLine({ match: m });
    else println(renderMatchLine(m));
  };
  const scanner = new LogScanner(matcher, { since, maxMatches: limit, onMatch });

  if (file === '-') {
    streaming = follow;
    scanner.beginSource();
    await scanStream(scanner, process.stdin);
    const report = scanner.report();
    await printReport(report, json);
    return exitCodeFor(report);
  }

  let sources = files;
  let rediscover = () => sources ?? [];
  if (!sources) {
    const { defaultLogSources } = await import('../../logs/sources.js');
    const ctx = contextFor(cmd);
    const find = () => defaultLogSources({ stateDir: ctx.paths.stateDir.value, configPath: ctx.paths.configPath.value, since });
    const found = find();
    for (const s of found.skipped) noteSkipped(s.path, s.kind);
    // While following, a new dated log (after midnight) or a first log appears: pick it up.
    rediscover = () => find().files;
    sources = found.files;
    if (sources.length === 0 && !follow) {
      if (json) await printReport(scanner.report(), true);
      else eprintln(`${t('cli.scan.none', { period: since ? 'yes' : 'no' })}\n${found.searched.map((s) => `  ${s}`).join('\n')}`);
      return EXIT.OK;
    }
  }

  const offsets = new Map<string, { offset: number; lines: number }>();
  const discovered = files === undefined;
  for (const source of sources) {
    scanner.beginSource(source);
    const offset = await readable(source, () => scanFile(scanner, source, 0, follow, discovered));
    if (offset !== undefined) offsets.set(source, { offset, lines: scanner.sourceLines });
  }
  const report = scanner.report();
  await printReport(report, json, follow && json);
  if (!follow) return exitCodeFor(report);

  // --follow: poll for appended bytes (fs.watch misses writes on some filesystems); a file that
  // shrank was truncated or rotated and is read again from the start.
  streaming = true;
  const interrupt = untilInterrupted();
  let stopped = false;
  void interrupt.done.then(() => (stopped = true));
  while (!stopped) {
    await Promise.race([new Promise((r) => setTimeout(r, FOLLOW_POLL_MS)), interrupt.done]);
    if (stopped) break;
    for (const source of rediscover()) {
      let size: number;
      try {
        size = fs.statSync(source).size;
      } catch {
        continue;
      }
      const state = offsets.get(source) ?? { offset: 0, lines: 0 };
      if (size < state.offset) Object.assign(state, { offset: 0, lines: 0 });
      if (size === state.offset) continue;
      scanner.resumeSource(source, state.lines);
      const reached = await readable(source, () => scanFile(scanner, source, state.offset, true, discovered));
      if (reached === undefined) continue;
      state.offset = reached;
      state.lines = scanner.sourceLines;
      offsets.set(source, state);
    }
  }
  return sawError ? EXIT.FAILED : EXIT.OK;
}

export function registerLogsScan(logs: Command): void {
  logs
    .command('scan')
    .description(t('cli.scan.summary'))
    .argument('[file]', t('cli.scan.arg.file'))
    .option('--json', t('cli.scan.option.json'))
    .option('--since <duration|time>', t('cli.scan.option.since'))
    .option('--follow', t('cli.scan.option.follow'))
    .option('--limit <n>', t('cli.scan.option.limit'), '1000')
    .addHelpText('after', `\n${t('cli.scan.help')}`)
    .action(action((file: string | undefined, opts: ScanCliOptions, cmd: Command) => runScan(file, opts, cmd)));
}
