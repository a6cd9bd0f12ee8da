// The scheduler is on and jobs are enabled, yet nothing says when it wakes next: those jobs will
// never run (a one-shot in the past, a store written by hand, or a scheduler that never started).
import { defineCheck } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'cron/next-wake-missing',
    title: 'Enabled cron jobs have no next run',
    area: 'cron',
    severity: 'warning',
    facts: ['cron'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › cron and heartbeat delivery (next wake time present)',
  },
  detect({ cron }) {
    if (!cron?.ok || !cron.value.enabled) return []; // a disabled scheduler is cron/scheduler-disabled's finding
    const stuck = cron.value.jobs.filter((j) => j.enabled && j.nextRunAtMs === null);
    if (!stuck.length) return [];
    return [
      {
        checkId: 'cron/next-wake-missing',
        severity: 'warning',
        message: `${stuck.length} enabled cron job(s) have no next run time: ${stuck.map((j) => j.id).join(', ')}${cron.value.nextWakeAtMs === null ? '; the scheduler has nothing to wake for' : ''}`,
        fixHint: 'Restart the gateway so the scheduler plans the jobs (`openclaw cron status` shows the next wake), or remove one-shots that already passed: `openclaw cron rm <id>`',
        cause: 'cron-not-firing',
        evidence: stuck.map((j) => ({ kind: 'file' as const, source: cron.value.storePath, value: `${j.id}: ${j.schedule}, nextRunAtMs missing` })),
      },
    ];
  },
});
