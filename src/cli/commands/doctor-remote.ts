// `openclaw doctor --remote URL` and `openclaw doctor --targets FILE`: flags, credentials and
// rendering; the engine (src/engine/remote.ts) does the work. Loaded only when one of the two flags
// is given, so a plain doctor run never pays for it. Every byte printed passes through a scrub of
// the secrets this run holds, as a last guard behind reports that never carry them.
import { displayUrl } from '../../client/remote-probe.js';
import { redactText } from '../../config/redact.js';
import type { Check } from '../../engine/check.js';
import type { DoctorReport } from '../../engine/report.js';
import { runFleet, runRemoteDoctor, type FleetReport, type RemoteRunOptions } from '../../engine/remote.js';
import { renderFleetJunit, renderFleetSarif, targetLabel } from '../../engine/reporters/fleet.js';
import { renderHuman } from '../../engine/reporters/human.js';
import { renderJunit } from '../../engine/reporters/junit.js';
import { renderSarif } from '../../engine/reporters/sarif.js';
import { renderPrometheusReports } from '../../engine/reporters/prometheus.js';
import { SelectionError, SEVERITY_RANK } from '../../engine/runner.js';
import { loadTargets, secretFile, TargetsError } from '../../engine/targets.js';
import type { CliContext } from '../context.js';
import { chalk } from '../../color.js';
import { CliError, EXIT } from '../exit-codes.js';
import { VERSION } from '../version.js';
import { t } from '../../i18n/index.js';

export interface RemoteFlags {
  remote?: string;
  targets?: string;
  token?: string;
  password?: string;
  tokenFile?: string;
  concurrency?: number;
  timeout: number;
  only: string[];
  skip: string[];
  severityMin?: RemoteRunOptions['severityMin'];
  lint?: boolean;
  exitZero?: boolean;
}

type Format = 'human' | 'json' | 'sarif' | 'junit' | 'prometheus';

/** The run's own credential: --token, --token-file or --password, else the environment (never the local config). */
function credential(flags: RemoteFlags, env: NodeJS.ProcessEnv): { token?: string; password?: string } {
  if (flags.token && flags.tokenFile) throw new CliError(t('cli.doctor-remote.token-file-disagree'), EXIT.USAGE);
  const token = flags.token ?? (flags.tokenFile ? secretFile(flags.tokenFile, '--token-file') : undefined) ?? (env.OPENCLAW_GATEWAY_TOKEN || undefined);
  const password = token ? undefined : (flags.password ?? (env.OPENCLAW_GATEWAY_PASSWORD || undefined));
  return { token, password };
}

/**
 * Runs the remote checks and returns the report text in the asked format (the caller writes it to
 * stdout or --output), scrubbed of every credential of the run, and the exit code.
 */
export async function remoteDoctor(flags: RemoteFlags, ctx: CliContext, format: Format, checks: Check[]): Promise<{ text: string; code: number }> {
  if (flags.remote && flags.targets) throw new CliError(t('cli.doctor-remote.targets-disagree'), EXIT.USAGE);
  const secrets = new Set<string>();
  const out: string[] = [];
  const write = (text: string) => out.push(text.endsWith('\n') ? text : `${text}\n`);
  const done = (code: number) => ({ text: redactText(out.join(''), secrets), code });
  try {
    const fallback = credential(flags, ctx.env);
    for (const s of [fallback.token, fallback.password]) if (s) secrets.add(s);
    const opts: RemoteRunOptions = { checks, paths: ctx.paths, env: ctx.env, timeoutMs: flags.timeout, only: flags.only, skip: flags.skip, severityMin: flags.severityMin, clientVersion: VERSION };
    if (flags.remote) {
      const run = await runRemoteDoctor({ url: flags.remote, ...fallback }, opts);
      const report = { ...run.report, target: { url: displayUrl(flags.remote) } };
      if (format === 'json') write(JSON.stringify(report, null, 2));
      else if (format === 'sarif') write(JSON.stringify(renderSarif(report, run.selected, VERSION), null, 2));
      else if (format === 'junit') write(renderJunit(report, run.selected));
      else if (format === 'prometheus') write(await renderPrometheusReports([{ labels: { target: report.target.url }, report }], run.selected, VERSION));
      else write(`${t('cli.doctor-remote.heading', { url: report.target.url })}\n${renderHuman(report)}`);
      return done(exitCode(flags, [report]));
    }
    const targets = loadTargets(flags.targets!, ctx.env, fallback);
    for (const target of targets) for (const s of [target.token, target.password]) if (s) secrets.add(s);
    const { report, selected } = await runFleet(targets, { ...opts, concurrency: flags.concurrency });
    if (format === 'json') write(JSON.stringify(report, null, 2));
    else if (format === 'sarif') write(JSON.stringify(renderFleetSarif(report, selected, VERSION), null, 2));
    else if (format === 'junit') write(renderFleetJunit(report, selected));
    else if (format === 'prometheus') write(await renderPrometheusReports(report.targets.map((target) => ({ labels: { target: target.name }, report: target })), selected, VERSION));
    else write(renderFleetHuman(report));
    return done(exitCode(flags, report.targets));
  } catch (err) {
    if (err instanceof TargetsError || err instanceof SelectionError) throw new CliError(redactText(err.message, secrets), EXIT.USAGE);
    if (err instanceof CliError) throw new CliError(redactText(err.message, secrets), err.exitCode, err.hint);
    throw new Error(redactText((err as Error)?.message ?? String(err), secrets));
  }
}

/** The same rule as a local run, over every target: ok only when each one is. */
function exitCode(flags: RemoteFlags, reports: Array<Pick<DoctorReport, 'ok' | 'findings'>>): number {
  if (flags.lint) {
    const min = SEVERITY_RANK[flags.severityMin ?? 'warning'];
    return reports.some((r) => r.findings.some((f) => SEVERITY_RANK[f.severity] >= min)) ? EXIT.FAILED : EXIT.OK;
  }
  if (flags.exitZero) return EXIT.OK;
  return reports.every((r) => r.ok) ? EXIT.OK : EXIT.FAILED;
}

/** Each target under a heading with its verdict and labels, its report as a local run shows it. */
function renderFleetHuman(r: FleetReport): string {
  const blocks = r.targets.map((target) => {
    const mark = target.ok ? chalk.green(t('cli.doctor-remote.mark-ok')) : chalk.red(t('cli.doctor-remote.mark-failed'));
    const body = renderHuman({ ...target, configPath: undefined })
      .split('\n')
      .map((l) => (l ? `  ${l}` : l))
      .join('\n');
    return `${mark} ${chalk.bold(targetLabel(target))}\n${body}`;
  });
  const failed = r.targetsTotal - r.targetsOk;
  const summary = failed
    ? chalk.red(t('cli.doctor-remote.failed', { failed, total: r.targetsTotal }))
    : chalk.green(t('cli.doctor-remote.all-ok', { total: r.targetsTotal }));
  return `${blocks.join('\n\n')}\n\n${summary} ${t('cli.doctor-remote.timing', { ms: r.durationMs, concurrency: r.concurrency })}`;
}
