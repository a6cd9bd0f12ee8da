// Human output of a scan: the causes, most important first, each with a few evidence lines and its
// fix; then unrecognized warn/error templates; then one summary line. Quiet when nothing is found.
import { chalk } from '../color.js';
import { t } from '../i18n/index.js';
import { wrapColumns } from '../i18n/width.js';
import type { Severity } from '../signatures/schema.js';
import { escapeControl } from '../system/untrusted-text.js';
import type { Match, ScanReport } from './scanner.js';

const EVIDENCE_LINES = 3;
const TEMPLATES_SHOWN = 5;

function badge(severity: Severity): string {
  const word = t(`report.severity.${severity}`);
  if (severity === 'error') return chalk.red(word);
  if (severity === 'warning') return chalk.yellow(word);
  return chalk.blue(word);
}

function where(m: Match): string {
  return m.file ? `${escapeControl(m.file)}:${m.line}` : t('logs.render.line', { line: m.line });
}

/** Log text on one line, its control characters visible (a log line may carry a peer's escapes). */
function clip(text: string, width = 160): string {
  const one = escapeControl(text.replace(/\s+/g, ' ').trim());
  return one.length > width ? `${one.slice(0, width - 1)}…` : one;
}

/**
 * A signature's detail in the reader's language (`signature.<id>.detail`, its groups from the line's
 * evidence); the English as the scan filled it when a group was not captured (`{port}` left as is).
 */
function detailText(m: Match, english: string): string {
  return /\{\w+\}/.test(english) ? english : t(`signature.${m.signature}.detail`, m.evidence, english);
}

export function renderReport(report: ScanReport): string {
  const out: string[] = [];
  for (const cause of report.causes) {
    const times = t('logs.render.times', { count: cause.count });
    // The scan words the cause in the active locale (`text`); in English it is the catalog's own.
    const text = cause.text ?? cause;
    out.push(`${badge(cause.severity)} ${chalk.bold(cause.cause)}: ${text.title} ${chalk.dim(`(${times})`)}`);
    for (const line of wrapColumns(text.explanation.trim(), 98)) out.push(`  ${line}`);
    const ofCause = report.matches.filter((m) => m.cause === cause.cause);
    for (const detail of new Set(ofCause.flatMap((m) => (m.detail === undefined ? [] : [detailText(m, m.detail)])))) out.push(`  · ${clip(detail, 140)}`);
    const evidence = ofCause.slice(0, EVIDENCE_LINES);
    for (const m of evidence) {
      const ev = escapeControl([...(m.fact ? [`fact: ${m.fact}`] : []), ...Object.entries(m.evidence).map(([k, v]) => `${k}=${v}`)].join(' '));
      out.push(chalk.dim(`  ${where(m)}: `) + clip(m.text) + (ev ? chalk.dim(`  [${ev}]`) : ''));
    }
    out.push(t('logs.render.fix'));
    for (const command of cause.fix.commands) out.push(`    ${chalk.cyan(command)}`);
    // i18n-ignore: a command
    if (cause.fix.check) out.push(chalk.dim(t('logs.render.confirm', { command: `\`openclaw doctor --only ${cause.fix.check}\`` })));
    out.push('');
  }
  if (report.unrecognized.length) {
    out.push(chalk.bold(t('logs.render.unrecognized')) + chalk.dim(t('logs.render.unrecognized.note')));
    for (const u of report.unrecognized.slice(0, TEMPLATES_SHOWN)) out.push(`  ${String(u.count).padStart(6)}× ${clip(u.template, 140)}`);
    if (report.unrecognized.length > TEMPLATES_SHOWN) out.push(chalk.dim(t('logs.render.more', { count: report.unrecognized.length - TEMPLATES_SHOWN })));
    out.push('');
  }
  const { lines, bytes } = report.scanned;
  const size = bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${bytes} B`;
  const summary = report.causes.length
    ? t('logs.render.summary.found', { count: report.causes.length, lines, size })
    : t('logs.render.summary.none', { lines, size });
  out.push(chalk.dim(summary));
  return out.join('\n');
}

/** One line per match as it arrives (--follow). */
export function renderMatchLine(m: Match): string {
  return `${badge(m.severity)} ${chalk.bold(m.cause)} ${chalk.dim(where(m))} ${clip(m.text)}`;
}
