// HEARTBEAT.md has a `tasks:` block with nothing in it (or the log says no-tasks-due): beats skip.
import { fact, logEvidence, logLinesWith } from '../../src/engine/check-helpers.js';
import { defineCheck, type Evidence } from '../../src/engine/check.js';

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
    title: 'Heartbeat tasks: nothing is due',
    area: 'heartbeat',
    severity: 'info',
    facts: ['heartbeat', 'logs'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › Cron and heartbeat delivery (no-tasks-due)',
  },
  detect(facts) {
    const hb = fact(facts, 'heartbeat')?.heartbeatFile;
    const lines = logLinesWith(facts, /heartbeat skipped.*no-tasks-due/);
    const fromFile = Boolean(hb?.exists && hb.content && tasksBlockWithNothingDue(hb.content));
    if (!fromFile && lines.length === 0) return [];
    const evidence: Evidence[] = [...(fromFile && hb ? [{ kind: 'file' as const, source: hb.path, value: 'tasks: block with no enabled task' }] : []), ...lines.slice(-1).map(logEvidence)];
    return [
      {
        checkId: 'heartbeat/no-tasks-due',
        severity: 'info',
        message: 'The heartbeat tasks: block has nothing due, so beats are skipped (no-tasks-due).',
        fixHint: `Add or enable a task in ${hb?.path ?? 'HEARTBEAT.md'} if beats should run`,
        cause: 'heartbeat-skipped',
        evidence,
      },
    ];
  },
});
