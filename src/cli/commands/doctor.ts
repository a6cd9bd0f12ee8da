// `openclaw doctor`: find the real cause, and with --fix repair it without losing anything.
// This file parses flags and renders; the engine (src/engine) does the work. The engine loads with
// this command (this module is imported only when `doctor` is named); reporters, fixing and the
// terminal UI load inside the action, and `--json` never loads a terminal UI.
import fs from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { contextFor, type CliContext } from '../context.js';
import { askYes, interactiveTerminal } from '../interactive.js';
import { CliError, EXIT } from '../exit-codes.js';
import { en, t } from '../../i18n/index.js';
import { printJson, println } from '../output.js';
import { action } from '../run-action.js';
import { runDoctor } from '../../engine/doctor.js';
import { CheckLoadError, loadChecks } from '../../engine/loader.js';
import { SelectionError, SEVERITY_RANK } from '../../engine/runner.js';
import { parseSince } from '../../system/duration.js';
import { describeOperation } from '../../engine/operations.js';
import { redactOperation } from '../../engine/report.js';
import type { RemoteFlags } from './doctor-remote.js'; // a type only: the module loads with --remote/--targets

const FORMATS = ['human', 'json', 'sarif', 'junit', 'prometheus'] as const;
type Format = (typeof FORMATS)[number];
const SEVERITIES = ['info', 'warning', 'error'] as const;

interface DoctorFlags extends RemoteFlags {
  fix?: boolean;
  repair?: boolean;
  yes?: boolean;
  dryRun?: boolean;
  undo?: boolean;
  json?: boolean;
  list?: boolean;
  format?: Format;
  output?: string;
  exitZero?: boolean;
  nonInteractive?: boolean;
  deep?: boolean;
  factsFrom?: string;
  bundle?: string | true;
  force?: boolean;
  since?: number;
}

const list = (value: string, prev: string[]) => [...prev, ...value.split(',').map((s) => s.trim()).filter(Boolean)];

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new InvalidArgumentError(t('cli.doctor.arg.count'));
  return n;
}

/** A probe across a network gets more time than one on this machine, unless --timeout says. */
const REMOTE_TIMEOUT_MS = 5000;

function timeoutMs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 120_000) throw new InvalidArgumentError(t('cli.doctor.arg.timeout'));
  return n;
}

function since(value: string): number {
  const time = parseSince(value);
  if (time === undefined) throw new InvalidArgumentError(t('cli.arg.since'));
  return time;
}

/**
 * The `gateway.restart` operation: through the service manager when a service is installed, else
 * the same restart `openclaw gateway restart` does for a gateway run by hand.
 */
export async function restartGateway(ctx: Pick<CliContext, 'paths' | 'env'>, timeoutMs: number): Promise<void> {
  const { controlService, targetOf } = await import('../../service/lifecycle.js');
  if (fs.existsSync(targetOf({ paths: ctx.paths, env: ctx.env }).file)) {
    const r = await controlService('restart', { paths: ctx.paths, env: ctx.env });
    if (!r.ok) throw new Error(r.message);
    return;
  }
  const { restartGatewayProcess } = await import('../../client/gateway-control.js');
  const r = await restartGatewayProcess(ctx.paths, timeoutMs);
  if (!r.ok) throw new Error(en('cli.doctor.restart-timeout', { ms: timeoutMs, log: r.errLog })) // English: it lands in the --json report;
}

function checkStateReadable(dir: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // a fresh machine: checks say what is missing
    throw new CliError(t('cli.doctor.state-dir.unreadable', { dir, code: (err as NodeJS.ErrnoException).code }), EXIT.USAGE, t('cli.doctor.state-dir.owner.hint'));
  }
  if (!st.isDirectory()) throw new CliError(t('cli.doctor.state-dir.not-dir', { dir }), EXIT.USAGE, t('cli.doctor.state-dir.not-dir.hint'));
  try {
    fs.accessSync(dir, fs.constants.R_OK | fs.constants.X_OK);
  } catch {
    throw new CliError(t('cli.doctor.state-dir.denied', { dir }), EXIT.USAGE, t('cli.doctor.state-dir.owner.hint'));
  }
}

export function register(program: Command): void {
  program
    .command('doctor')
    .description(t('cli.command.doctor.summary'))
    .option('--fix', t('cli.doctor.option.fix'))
    .addOption(new Option('--repair', t('cli.doctor.option.repair')).hideHelp())
    .option('--yes', t('cli.doctor.option.yes'))
    .option('--dry-run', t('cli.doctor.option.dry-run'))
    .option('--undo', t('cli.doctor.option.undo'))
    .option('--json', t('cli.doctor.option.json'))
    .option('--lint', t('cli.doctor.option.lint'))
    .option('--list', t('cli.doctor.option.list'))
    .option('--only <ids>', t('cli.doctor.option.only'), list, [])
    .option('--skip <ids>', t('cli.doctor.option.skip'), list, [])
    .addOption(new Option('--severity-min <level>', t('cli.doctor.option.severity-min')).choices(SEVERITIES))
    .addOption(new Option('--format <format>', t('cli.doctor.option.format')).choices(FORMATS))
    .option('--output <file>', t('cli.doctor.option.output'))
    .option('--exit-zero', t('cli.doctor.option.exit-zero'))
    .option('--non-interactive', t('cli.doctor.option.non-interactive'))
    .option('--deep', t('cli.doctor.option.deep'))
    .option('--since <duration|time>', t('cli.doctor.option.since'), since)
    .option('--timeout <ms>', t('cli.doctor.option.timeout'), timeoutMs, 1500)
    .option('--remote <url>', t('cli.doctor.option.remote'))
    .option('--targets <file>', t('cli.doctor.option.targets'))
    .option('--concurrency <n>', t('cli.doctor.option.concurrency'), count)
    .option('--token <token>', t('cli.doctor.option.token'))
    .option('--token-file <file>', t('cli.doctor.option.token-file'))
    .option('--password <password>', t('cli.doctor.option.password'))
    .option('--bundle [file]', t('cli.doctor.option.bundle'))
    .option('--force', t('cli.doctor.option.force'))
    .addOption(new Option('--facts-from <dir>', t('cli.doctor.option.facts-from')).hideHelp())
    .action(action((flags: DoctorFlags, cmd: Command) => doctorAction(flags, cmd)));
}

async function loadChecksOrExit() {
  try {
    return await loadChecks();
  } catch (err) {
    if (err instanceof CheckLoadError) throw new CliError(err.message, EXIT.USAGE);
    throw err;
  }
}

async function doctorAction(flags: DoctorFlags, cmd: Command): Promise<number> {
  const ctx = contextFor(cmd);
  const format: Format = flags.json ? 'json' : (flags.format ?? 'human');
  if (flags.json && flags.format && flags.format !== 'json') throw new CliError(t('cli.doctor.json-format-disagree'), EXIT.USAGE);
  if (flags.undo && (flags.fix || flags.repair || flags.dryRun)) throw new CliError(t('cli.doctor.undo-with-fix'), EXIT.USAGE);
  if (flags.remote || flags.targets) return remote(flags, cmd, ctx, format);
  if (flags.token || flags.tokenFile || flags.password || flags.concurrency) throw new CliError(t('cli.doctor.token-without-remote'), EXIT.USAGE);
  checkStateReadable(ctx.paths.stateDir.value);
  // --bundle records the state as found; its module (and the tar library) loads only with it.
  const bundle = flags.bundle === undefined ? undefined : await import('./doctor-bundle.js');
  if (flags.force && !bundle) throw new CliError(t('cli.doctor.force-without-bundle'), EXIT.USAGE);
  if (bundle && (flags.fix || flags.repair || flags.dryRun || flags.undo || flags.list)) throw new CliError(t('cli.doctor.bundle-combined'), EXIT.USAGE);
  const bundleFile = bundle?.bundleTarget(flags.bundle!, Boolean(flags.force));
  if (flags.undo) return undo(ctx.paths.stateDir.value, format, Boolean(flags.yes));

  const checks = await loadChecksOrExit();
  if (flags.list) {
    if (format === 'json') printJson(checks.map((c) => c.meta));
    else for (const c of checks) println(`${c.meta.id.padEnd(34)} ${c.meta.severity.padEnd(8)} fix:${c.meta.fix.padEnd(8)} ${c.meta.title}`);
    return EXIT.OK;
  }
  const recordedDir = flags.factsFrom ?? (ctx.env.OPENCLAW_DOCTOR_FACTS || undefined);
  if (recordedDir && !fs.existsSync(recordedDir)) throw new CliError(t('cli.doctor.facts-from-missing', { dir: recordedDir }), EXIT.USAGE);
  // Questions only for a person at a terminal reading the report (never in CI, never --non-interactive).
  const interactive = format === 'human' && !flags.nonInteractive && !flags.lint && !flags.output && !bundle && interactiveTerminal();
  const fix = Boolean(flags.fix || flags.repair);
  const doctor = (opts: { fix: boolean; yes?: boolean; ask: boolean }) => {
    return runDoctor({
      checks,
      paths: ctx.paths,
      env: ctx.env,
      timeoutMs: flags.timeout,
      deep: flags.deep,
      logsSince: flags.since,
      recordedDir,
      only: flags.only,
      skip: flags.skip,
      severityMin: flags.severityMin,
      fix: opts.fix,
      yes: opts.yes,
      dryRun: flags.dryRun,
      restartGateway: () => restartGateway(ctx, Math.max(flags.timeout, 10_000)),
      confirm: interactive && opts.ask ? (plan) => askYes(t('cli.doctor.confirm-repair', { checkId: plan.checkId, operations: plan.operations.map((o) => describeOperation(redactOperation(o))).join('; ') })) : undefined,
    }).catch((err) => {
      if (err instanceof SelectionError) throw new CliError(err.message, EXIT.USAGE);
      throw err;
    });
  };

  let run = await doctor({ fix, yes: flags.yes, ask: true });
  if (bundle) return bundle.writeSupportBundle(ctx, run.report, bundleFile!, { force: Boolean(flags.force), json: format === 'json' });
  await emit(await renderReport(format, run), flags.output);
  // A plain report at a terminal with safe repairs on offer: one question, default no.
  const safe = run.report.findings.filter((f) => f.fix?.kind === 'safe').length;
  if (interactive && !fix && !flags.dryRun && safe > 0 && (await askYes(`\n${t('cli.doctor.confirm-safe', { count: safe })}`))) {
    process.stdout.write('\n');
    run = await doctor({ fix: true, yes: false, ask: false }); // the safe ones only: nothing more to ask
    await emit(await renderReport(format, run), undefined);
  }
  const { report } = run;

  if (flags.lint) {
    const min = SEVERITY_RANK[flags.severityMin ?? 'warning'];
    return report.findings.some((f) => SEVERITY_RANK[f.severity] >= min) ? EXIT.FAILED : EXIT.OK;
  }
  if (flags.exitZero) return EXIT.OK;
  return report.ok ? EXIT.OK : EXIT.FAILED;
}

async function renderReport(format: Format, run: Awaited<ReturnType<typeof runDoctor>>): Promise<string> {
  const { report } = run;
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'sarif') {
    const { renderSarif } = await import('../../engine/reporters/sarif.js');
    const { VERSION } = await import('../version.js');
    return `${JSON.stringify(renderSarif(report, run.selected, VERSION), null, 2)}\n`;
  }
  if (format === 'junit') return (await import('../../engine/reporters/junit.js')).renderJunit(report, run.selected);
  if (format === 'prometheus') {
    const { renderPrometheus } = await import('../../engine/reporters/prometheus.js');
    const { VERSION } = await import('../version.js');
    return renderPrometheus(report, run.selected, VERSION);
  }
  const { renderHuman, areaOf } = await import('../../engine/reporters/human.js');
  return `${renderHuman(report, { areas: [...new Set(run.selected.map((c) => areaOf(c.meta.id)))] })}\n`;
}

/** stdout, or a file replaced atomically (0644: node_exporter must never read half a file, and must be able to read it). */
async function emit(text: string, output: string | undefined): Promise<void> {
  if (!output) {
    process.stdout.write(text);
    return;
  }
  const { writeFileAtomic } = await import('../../config/write.js');
  try {
    writeFileAtomic(output, text, 0o644);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new CliError(t('cli.doctor.output-failed', { file: output, reason: e.code ?? e.message }), EXIT.USAGE, t('cli.doctor.output-failed.hint'));
  }
}

async function remote(flags: DoctorFlags, cmd: Command, ctx: CliContext, format: Format): Promise<number> {
  if (flags.fix || flags.repair || flags.dryRun || flags.undo || flags.list || flags.factsFrom) throw new CliError(t('cli.doctor.remote-report-only'), EXIT.USAGE);
  const { remoteDoctor } = await import('./doctor-remote.js');
  const timeout = cmd.getOptionValueSource('timeout') === 'cli' ? flags.timeout : REMOTE_TIMEOUT_MS;
  const r = await remoteDoctor({ ...flags, timeout }, ctx, format, await loadChecksOrExit());
  await emit(r.text, flags.output);
  return r.code;
}

async function undo(stateDir: string, format: Format, force: boolean): Promise<number> {
  const { undoLastFix, UndoRefusedError } = await import('../../engine/journal.js');
  let r;
  try {
    r = undoLastFix(stateDir, { force });
  } catch (err) {
    if (err instanceof UndoRefusedError) throw new CliError(err.message, EXIT.FAILED);
    throw err;
  }
  if (format === 'json') {
    printJson(r ? { ok: true, undone: r.entry.id, checkIds: r.entry.checkIds, restoredConfig: r.restoredConfig, steps: r.steps, irreversible: r.irreversible, backup: r.backup } : { ok: false, undone: null, message: 'nothing to undo' }); // i18n-ignore: the --json shape, machine-stable
  } else if (!r) println(t('cli.doctor.undo.nothing'));
  else {
    println(t('cli.doctor.undo.done', { at: r.entry.at, checks: r.entry.checkIds.join(', ') || t('cli.doctor.undo.no-checks') }));
    if (r.restoredConfig) println(r.backup ? t('cli.doctor.undo.restored-kept', { path: r.entry.configPath, backup: r.backup }) : t('cli.doctor.undo.restored', { path: r.entry.configPath }));
    for (const i of r.irreversible) println(t('cli.doctor.undo.irreversible', { what: i }));
  }
  return r ? EXIT.OK : EXIT.FAILED;
}
