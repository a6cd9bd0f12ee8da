// cron.enabled false while jobs exist: "cron: scheduler disabled; jobs will not run automatically".
import { configEvidence, fact, logEvidence, logLinesWith, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'cron/scheduler-disabled',
    area: 'cron',
    severity: 'warning',
    facts: ['config', 'cron', 'logs'],
    fix: 'confirm',
    docs: 'seeds: Gateway troubleshooting › Cron and heartbeat delivery',
  },
  detect(facts) {
    const p = parsedConfig(facts);
    if (!p || p.cfg.cron?.enabled !== false) return [];
    const jobs = fact(facts, 'cron')?.jobs.filter((j) => j.enabled) ?? [];
    const lines = logLinesWith(facts, 'cron: scheduler disabled'); // i18n-ignore: the gateway's log text
    if (jobs.length === 0 && lines.length === 0) return [];
    return [
      {
        checkId: 'cron/scheduler-disabled',
        severity: 'warning',
        ...say('cron/scheduler-disabled.cron-enabled-false', { count: jobs.length, jobs: jobs.slice(0, 3).map((j) => j.name ?? j.id).join(', '), more: jobs.length > 3 }),
        path: 'cron.enabled',
        cause: 'cron-disabled',
        evidence: [configEvidence('cron.enabled', false), ...lines.slice(-1).map(logEvidence)],
      },
    ];
  },
  repair: () => [{ op: 'config.set', path: 'cron.enabled', value: true }],
});
