// The scheduler is on and jobs are enabled, yet nothing says when it wakes next: those jobs will
// never run (a one-shot in the past, a store written by hand, or a scheduler that never started).
import { en } from '../../src/i18n/index.js';
import { defineCheck, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'cron/next-wake-missing',
    area: 'cron',
    severity: 'warning',
    facts: ['cronRuntime'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › cron and heartbeat delivery (next wake time present)',
  },
  detect({ cronRuntime: cron }) {
    if (!cron?.ok || !cron.value.enabled) return []; // a disabled scheduler is cron/scheduler-disabled's finding
    const stuck = cron.value.jobs.filter((j) => j.enabled && j.nextRunAtMs === null);
    if (!stuck.length) return [];
    return [
      {
        checkId: 'cron/next-wake-missing',
        severity: 'warning',
        ...say('cron/next-wake-missing.enabled-cron-job', { length: stuck.length, ids: stuck.map((j) => j.id).join(', '), nothingToWake: cron.value.nextWakeAtMs === null }),
        cause: 'cron-not-firing',
        evidence: stuck.map((j) => ({ kind: 'file' as const, source: cron.value.storePath, value: en('cron/next-wake-missing.evidence', { id: j.id, schedule: j.schedule }) })),
      },
    ];
  },
});
