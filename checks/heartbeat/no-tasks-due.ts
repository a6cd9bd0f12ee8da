// HEARTBEAT.md has a `tasks:` block with nothing in it (or the log says no-tasks-due): beats skip.
import { en } from '../../src/i18n/index.js';
import { fact, logEvidence, logLinesWith } from '../../src/engine/check-helpers.js';
import { defineCheck, type Evidence, say } from '../../src/engine/check.js';

/** True when a `tasks:` block exists and lists no task that is enabled. */
export function tasksBlockWithNothingDue(content: string): boolean {
  const lines = content.split(/\r?\n/);
  const at = lines.findIndex((l) => /^\s*tasks:\s*(\[\s*\])?\s*$/.test(l));
  if (at < 0) return false;
  if (/\[\s*\]/.test(lines[at])) return true;
  const items: string[][] = [];
  for (const l of lines.slice(at + 1)) {
    if (/^\s*-\s/.test(l)) items.push([l]);
    else if (/^\s+\S/.test(l) && items.length) items.at(-1)!.push(l);
    else if (l.trim() === '') continue;
    else break;
  }
  return items.every((item) => item.some((l) => /\benabled:\s*false\b|\[x\]/i.test(l)));
}

export default defineCheck({
  meta: {
    id: 'heartbeat/no-tasks-due',
    area: 'heartbeat',
    severity: 'info',
    facts: ['heartbeat', 'logs'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › Cron and heartbeat delivery (no-tasks-due)',
  },
  detect(facts) {
    const hb = fact(facts, 'heartbeat');
    const lines = logLinesWith(facts, /heartbeat skipped.*no-tasks-due/);
    const fromFile = Boolean(hb?.exists && hb.content && tasksBlockWithNothingDue(hb.content));
    if (!fromFile && lines.length === 0) return [];
    const evidence: Evidence[] = [...(fromFile && hb ? [{ kind: 'file' as const, source: hb.path, value: en('heartbeat/no-tasks-due.evidence') }] : []), ...lines.slice(-1).map(logEvidence)];
    return [
      {
        checkId: 'heartbeat/no-tasks-due',
        severity: 'info',
        ...say('heartbeat/no-tasks-due.heartbeat-tasks-block', { path: hb?.path ?? 'HEARTBEAT.md' }),
        cause: 'heartbeat-skipped',
        evidence,
      },
    ];
  },
});
