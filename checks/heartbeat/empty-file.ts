// HEARTBEAT.md with only blank lines and headings: every heartbeat is skipped (empty-heartbeat-file).
import { fact, logEvidence, logLinesWith } from '../../src/engine/check-helpers.js';
import { defineCheck } from '../../src/engine/check.js';

export function effectivelyEmpty(content: string): boolean {
  const text = content.replace(/<!--[\s\S]*?-->/g, '');
  return text.split(/\r?\n/).every((l) => l.trim() === '' || /^\s*#{1,6}(\s|$)/.test(l));
}

export default defineCheck({
  meta: {
    id: 'heartbeat/empty-file',
    title: 'HEARTBEAT.md has nothing to do',
    area: 'heartbeat',
    severity: 'warning',
    facts: ['heartbeat', 'logs'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › Cron and heartbeat delivery (empty-heartbeat-file)',
  },
  detect(facts) {
    const hb = fact(facts, 'heartbeat')?.heartbeatFile;
    if (!hb?.exists || hb.content === undefined || !effectivelyEmpty(hb.content)) return [];
    return [
      {
        checkId: 'heartbeat/empty-file',
        severity: 'warning',
        message: `${hb.path} has only blank lines or headings, so every heartbeat is skipped (empty-heartbeat-file).`,
        fixHint: `Write what the agent should check on each beat into ${hb.path}`,
        cause: 'heartbeat-skipped',
        evidence: [{ kind: 'file', source: hb.path, value: `${hb.content.length} bytes, no tasks` }, ...logLinesWith(facts, 'empty-heartbeat-file').slice(-1).map(logEvidence)],
      },
    ];
  },
});
