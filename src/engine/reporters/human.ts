// The terminal report: grouped by area, most severe first, each finding with its evidence and
// its fix; a summary line; one calm line when all is well.
import { chalk } from '../../cli/color.js';
import type { DoctorReport, ReportFinding } from '../report.js';
import { SEVERITY_RANK } from '../runner.js';
import { compareIds } from '../order.js';
import { escapeControl } from '../../system/untrusted-text.js';

const MARK = { error: () => chalk.red('✖ error  '), warning: () => chalk.yellow('▲ warning'), info: () => chalk.blue('ℹ info   ') };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// Messages, evidence and hints quote logs, files and peers: escapeControl before our colours.
function finding(f: ReportFinding): string[] {
  const out = [`  ${MARK[f.severity]()}  ${escapeControl(f.message)} ${chalk.dim(`[${f.checkId}]`)}`];
  for (const e of f.evidence ?? []) out.push(chalk.dim(escapeControl(`      ${e.source}${e.value !== undefined ? `: ${e.value}` : ''}`)));
  if (f.fix) out.push(`      ${chalk.green('fix:')} ${escapeControl(f.fixHint ?? `openclaw doctor --fix${f.fix.kind === 'confirm' ? ' --yes' : ''}`)}`);
  else if (f.fixHint) out.push(`      ${chalk.cyan('next:')} ${escapeControl(f.fixHint)}`);
  return out;
}

function area(f: ReportFinding): string {
  return f.checkId.split('/')[0];
}

export function renderHuman(r: DoctorReport): string {
  const lines: string[] = [];
  if (r.fixes?.length) {
    lines.push(chalk.bold(r.dryRun ? 'Planned repairs (dry run: nothing was changed)' : 'Repairs'));
    for (const f of r.fixes) {
      const status = f.status === 'applied' ? (f.verified ? chalk.green('fixed   ') : chalk.yellow('applied ')) : f.status === 'failed' ? chalk.red('failed  ') : chalk.dim('skipped ');
      lines.push(`  ${status} ${f.checkId}${f.reason ? chalk.dim(` — ${escapeControl(f.reason)}`) : ''}`);
      if (r.dryRun) for (const op of f.operations) lines.push(chalk.dim(`      ${JSON.stringify(op)}`));
    }
    if (r.diff) lines.push('', r.diff.trimEnd());
    if (r.backup) lines.push(chalk.dim(`  Backup of the previous config: ${r.backup}`));
    lines.push('');
  }
  const areas = new Map<string, ReportFinding[]>();
  for (const f of r.findings) areas.set(area(f), [...(areas.get(area(f)) ?? []), f]);
  const worst = (fs: ReportFinding[]) => Math.max(...fs.map((f) => SEVERITY_RANK[f.severity]));
  for (const [name, fs] of [...areas.entries()].sort((a, b) => worst(b[1]) - worst(a[1]) || compareIds(a[0], b[0]))) {
    lines.push(chalk.bold(name));
    for (const f of fs) lines.push(...finding(f));
    lines.push('');
  }
  const count = (s: ReportFinding['severity']) => r.findings.filter((f) => f.severity === s).length;
  const took = r.durationMs !== undefined ? ` in ${r.durationMs} ms` : '';
  if (r.findings.length === 0) {
    lines.push(chalk.green(`No problems found (${plural(r.checksRun, 'check')}${took}).`));
  } else {
    const parts = [count('error') && chalk.red(plural(count('error'), 'error')), count('warning') && chalk.yellow(plural(count('warning'), 'warning')), count('info') && plural(count('info'), 'note')].filter(Boolean);
    const fixable = r.findings.filter((f) => f.fix).length;
    const needYes = r.findings.filter((f) => f.fix?.kind === 'confirm').length;
    const yesNote = needYes ? ` (${needYes === fixable ? 'with --yes' : `${needYes} need --yes`})` : '';
    const hint = fixable && !r.fixes ? ` · ${fixable} fixable with \`openclaw doctor --fix\`${yesNote}` : '';
    lines.push(`${parts.join(', ')} · ${plural(r.checksRun, 'check')}${took}${hint}`);
  }
  return lines.join('\n');
}
