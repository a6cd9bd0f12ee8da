// Jobs whose last run failed: `lastStatus: error`, counting consecutive errors (three or more is an error).
import { defineCheck, type Finding } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'cron/job-failing',
    title: 'Cron jobs are failing',
    area: 'cron',
    severity: 'warning',
    facts: ['cron'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › cron and heartbeat delivery',
  },
  detect({ cron }) {
    if (!cron?.ok) return [];
    return cron.value.jobs
      .filter((j) => j.lastStatus === 'error')
      .map(
        (j): Finding => ({
          checkId: 'cron/job-failing',
          severity: j.consecutiveErrors >= 3 ? 'error' : 'warning',
          message: `cron job ${j.id}${j.name ? ` (${j.name})` : ''} failed ${j.consecutiveErrors} time(s) in a row: ${j.lastError ?? 'unknown error'}`,
          fixHint: `openclaw cron runs --id ${j.id} --limit 20`,
          cause: 'cron-not-firing',
          evidence: [{ kind: 'file', source: cron.value.storePath, value: `lastStatus: error, consecutiveErrors: ${j.consecutiveErrors}` }],
          data: { jobId: j.id },
        }),
      );
  },
});
