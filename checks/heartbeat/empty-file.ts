// HEARTBEAT.md with only blank lines and headings: every heartbeat is skipped (empty-heartbeat-file).
import { en } from '../../src/i18n/index.js';
import { fact, logEvidence, logLinesWith } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

export function effectivelyEmpty(content: string): boolean {
  const text = content.replace(/<!--[\s\S]*?-->/g, '');
  return text.split(/\r?\n/).every((l) => l.trim() === '' || /^\s*#{1,6}(\s|$)/.test(l));
}

export default defineCheck({
  meta: {
    id: 'heartbeat/empty-file',
    area: 'heartbeat',
    severity: 'warning',
    facts: ['heartbeat', 'logs'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › Cron and heartbeat delivery (empty-heartbeat-file)',
  },
  detect(facts) {
    const hb = fact(facts, 'heartbeat');
    if (!hb?.exists || hb.content === undefined || !effectivelyEmpty(hb.content)) return [];
    return [
      {
        checkId: 'heartbeat/empty-file',
        severity: 'warning',
        ...say('heartbeat/empty-file.has-only-blank', { path: hb.path }),
        cause: 'heartbeat-skipped',
        evidence: [{ kind: 'file', source: hb.path, value: en('heartbeat/empty-file.evidence', { bytes: hb.content.length }) }, ...logLinesWith(facts, 'empty-heartbeat-file').slice(-1).map(logEvidence)],
      },
    ];
  },
});
