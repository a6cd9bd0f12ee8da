// `r` on the finish screen: a markdown report to paste into a bug report. Every free-text value
// goes through redactText with the config's secrets, and config values are already redacted
// evidence (the checks redact them), so nothing secret leaves the machine by copy-paste.
// i18n-ignore-file: the report goes into a bug report, read by maintainers: it stays English in every locale.
import fs from 'node:fs';
import path from 'node:path';
import { redactText } from '../config/redact.js';
import { fileTimestamp } from '../config/write.js';
import { escapeControl } from '../system/untrusted-text.js';
import type { ApplyOutcome, LogHit, ReportFinding, StepOutcome } from './engine.js';

export interface ReportInput {
  symptom: string;
  steps: { command: string; outcome?: StepOutcome }[];
  logs: LogHit[];
  findings: ReportFinding[];
  applied?: ApplyOutcome;
  environment: Record<string, string>;
  secrets: string[];
}

export function renderReport(r: ReportInput): string {
  const out: string[] = [`# OpenClaw triage report`, '', `Symptom: ${r.symptom}`, `Written: ${new Date().toISOString()}`, '', '## Environment', ''];
  for (const [k, v] of Object.entries(r.environment)) out.push(`- ${k}: \`${v}\``);
  out.push('', '## Checks run', '');
  for (const s of r.steps) out.push(`- \`${s.command}\`: ${s.outcome ? `${s.outcome.status} — ${s.outcome.summary}` : 'not run'}`);
  if (r.logs.length) {
    out.push('', '## Log lines the catalog recognised', '', '```');
    for (const l of r.logs.slice(0, 50)) out.push(`[${l.cause}] ${l.text}`);
    out.push('```');
  }
  out.push('', '## Findings (worst first)', '');
  if (!r.findings.length) out.push('None.');
  for (const f of r.findings) {
    out.push(`### ${f.severity}: ${f.checkId}`, '', f.message, '');
    if (f.cause) out.push(`Cause: \`${f.cause}\``);
    for (const e of f.evidence ?? []) out.push(`- evidence (${e.kind}) ${e.source}${e.value !== undefined ? `: \`${e.value}\`` : ''}`);
    if (f.fixHint) out.push(`- what to do: ${f.fixHint}`);
    out.push('');
  }
  out.push('## What was fixed', '');
  if (!r.applied?.fixes.length) out.push('Nothing was changed.');
  for (const x of r.applied?.fixes ?? []) out.push(`- ${x.checkId}: ${x.status}${x.status === 'applied' ? (x.verified ? ', verified' : ', NOT verified') : ''}${x.reason ? ` (${x.reason})` : ''}`);
  if (r.applied?.backup) out.push(`- config backup: \`${r.applied.backup}\``);
  // Each entry is one line: a log's or peer's escapes and newlines inside it are shown, not kept.
  return `${redactText(out.map(escapeControl).join('\n'), r.secrets)}\n`;
}

/** Writes the report to the first directory that takes it; returns a sentence saying where. */
export function writeReport(dirs: string[], input: ReportInput): string {
  const text = renderReport(input);
  const name = `openclaw-triage-${fileTimestamp()}.md`;
  const errors: string[] = [];
  for (const dir of dirs) {
    const file = path.join(dir, name);
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
      return `Report written to ${file}`;
    } catch (err) {
      errors.push(`${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  throw new Error(`no directory took it (${errors.join('; ')})`);
}
