// The terminal report, read like `brew doctor`: one ✓/!/✖ line per area with its problems under it,
// evidence and fix for each, the repairs in words, and a summary line that names the next step.
import { chalk } from '../../color.js';
import type { DoctorReport, ReportFinding } from '../report.js';
import { SEVERITY_RANK } from '../runner.js';
import { compareIds } from '../order.js';
import { describeOperation } from '../operations.js';
import { escapeControl } from '../../system/untrusted-text.js';
import { t } from '../../i18n/index.js';
import { displayWidth, padColumns } from '../../i18n/width.js';

/** Severity labels padded to one width, so messages line up. */
const label = (s: 'error' | 'warning' | 'info') => padColumns(t(`report.severity.${s}`), 7);
const MARK = { error: () => chalk.red(`✖ ${label('error')}`), warning: () => chalk.yellow(`▲ ${label('warning')}`), info: () => chalk.blue(`ℹ ${label('info')}`) };
/** An area's verdict: ✓ when nothing in it is above info. */
const AREA_MARK = { error: () => chalk.red('✖'), warning: () => chalk.yellow('!'), info: () => chalk.green('✓') };

export interface HumanOptions {
  /** Every area the run covered (from the checks run), so clean areas get their ✓ line too. */
  areas?: readonly string[];
}

/**
 * Text from logs, files and peers, escaped before our colours; a multi-line value keeps its lines,
 * each under the first at `indent`, so a second line can never pose as a finding of its own.
 */
function block(text: string, indent: string): string {
  return text
    .split(/\r?\n/)
    .map((line, i) => (i === 0 ? escapeControl(line) : `${indent}${escapeControl(line)}`))
    .join('\n');
}

/** A finding's message and fix hint in the active locale (a finding without ids has English only). */
function message(f: ReportFinding): string {
  return f.messageId ? t(f.messageId, f.params) : f.message;
}
function fixHint(f: ReportFinding): string | undefined {
  return f.fixHintId ? t(f.fixHintId, f.params) : f.fixHint;
}

/** `fix: …` / `next: …`, later lines of the hint under its first. */
function hintLine(word: string, colour: (s: string) => string, hint: string): string {
  return `      ${colour(word)} ${block(hint, ' '.repeat(7 + displayWidth(word)))}`;
}

function finding(f: ReportFinding): string[] {
  const out = [`  ${MARK[f.severity]()}  ${block(message(f), '               ')} ${chalk.dim(`[${f.checkId}]`)}`];
  for (const e of f.evidence ?? []) {
    const text = `${e.source}${e.value !== undefined ? `: ${e.value}` : ''}`;
    out.push(chalk.dim(`      ${block(text, '        ')}`));
  }
  const hint = fixHint(f);
  // i18n-ignore: a command, the same in every language
  if (f.fix) out.push(hintLine(t('report.fix'), chalk.green, hint ?? `openclaw doctor --fix${f.fix.kind === 'confirm' ? ' --yes' : ''}`));
  else if (hint) out.push(hintLine(t('report.next'), chalk.cyan, hint));
  return out;
}

export function areaOf(checkId: string): string {
  return checkId.split('/')[0]!;
}

type Fix = NonNullable<DoctorReport['fixes']>[number];

/** One line per check (a check with several findings has several fix results), then what it changed, in words. */
function repairs(r: DoctorReport): string[] {
  const byCheck = new Map<string, Fix[]>();
  for (const f of r.fixes ?? []) byCheck.set(f.checkId, [...(byCheck.get(f.checkId) ?? []), f]);
  const lines = [chalk.bold(t(r.dryRun ? 'report.repairs.dry-run' : 'report.repairs'))];
  for (const [checkId, fixes] of byCheck) {
    const failed = fixes.find((f) => f.status === 'failed');
    const applied = fixes.filter((f) => f.status === 'applied');
    const word = (w: string) => padColumns(t(`report.repair.${w}`), 8);
    const status = r.dryRun
      ? chalk.cyan(word('would'))
      : failed
        ? chalk.red(word('failed'))
        : applied.length && applied.every((f) => f.verified)
          ? chalk.green(word('fixed'))
          : applied.length
            ? chalk.yellow(word('applied'))
            : chalk.dim(word('skipped'));
    // The dry run's reason is the heading; other reasons say why a repair failed or was skipped.
    const why = r.dryRun ? undefined : (failed ?? fixes.find((f) => f.status !== 'applied'));
    const reason = why?.reasonText ?? why?.reason;
    lines.push(`  ${status} ${checkId}${reason ? chalk.dim(` — ${escapeControl(reason)}`) : ''}`);
    const ops = [...new Set(fixes.flatMap((f) => f.operations.map(describeOperation)))];
    for (const op of ops) lines.push(`      ${block(op, '        ')}`);
  }
  if (r.diff) lines.push('', r.diff.trimEnd());
  if (r.backup) lines.push(chalk.dim(`  ${t('report.backup', { path: r.backup })}`));
  lines.push('');
  return lines;
}

export function renderHuman(r: DoctorReport, opts: HumanOptions = {}): string {
  const lines: string[] = r.fixes?.length ? repairs(r) : [];
  const areas = new Map<string, ReportFinding[]>();
  for (const f of r.findings) areas.set(areaOf(f.checkId), [...(areas.get(areaOf(f.checkId)) ?? []), f]);
  const count = (s: ReportFinding['severity']) => r.findings.filter((f) => f.severity === s).length;
  const checks = t('report.checks', { count: r.checksRun, ms: r.durationMs ?? 'none' });
  if (r.findings.length === 0) {
    lines.push(chalk.green(t('report.none', { checks })));
    return lines.join('\n');
  }
  for (const a of opts.areas ?? []) if (!areas.has(a)) areas.set(a, []);
  const worst = (fs: ReportFinding[]) => Math.max(SEVERITY_RANK.info, ...fs.map((f) => SEVERITY_RANK[f.severity]));
  const verdict = (fs: ReportFinding[]) => (fs.some((f) => f.severity === 'error') ? 'error' : fs.some((f) => f.severity === 'warning') ? 'warning' : 'info');
  for (const [name, fs] of [...areas.entries()].sort((a, b) => worst(b[1]) - worst(a[1]) || compareIds(a[0], b[0]))) {
    lines.push(`${AREA_MARK[verdict(fs)]()} ${chalk.bold(name)}`);
    for (const f of fs) lines.push(...finding(f));
    if (fs.length) lines.push('');
  }
  if (lines.at(-1) !== '') lines.push('');
  const parts = [count('error') && chalk.red(t('report.errors', { count: count('error') })), count('warning') && chalk.yellow(t('report.warnings', { count: count('warning') })), count('info') && t('report.notes', { count: count('info') })].filter(Boolean);
  const fixable = r.findings.filter((f) => f.fix).length;
  const needYes = r.findings.filter((f) => f.fix?.kind === 'confirm').length;
  const summary = [parts.join(t('report.list-separator')), checks];
  if (fixable && !r.fixes) summary.push(t('report.fixable', { count: fixable, needYes: needYes === 0 ? 'none' : needYes === fixable ? 'all' : 'some', yes: needYes }));
  if (count('error') + count('warning') > 0) summary.push(t('report.guided'));
  lines.push(summary.join(' · '));
  return lines.join('\n');
}
