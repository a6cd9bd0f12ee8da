// Jobs whose last run failed: `lastStatus: error`, counting consecutive errors (three or more is an error).
import { defineCheck, type Finding, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'cron/job-failing',
    area: 'cron',
    severity: 'warning',
    facts: ['cronRuntime'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › cron and heartbeat delivery',
  },
  detect({ cronRuntime: cron }) {
    if (!cron?.ok) return [];
    return cron.value.jobs
      .filter((j) => j.lastStatus === 'error')
      .map(
        (j): Finding => ({
          checkId: 'cron/job-failing',
          severity: j.consecutiveErrors >= 3 ? 'error' : 'warning',
          ...say('cron/job-failing.cron-job-failed', { id: j.id, name: j.name ?? null, consecutiveErrors: j.consecutiveErrors, error: j.lastError ?? null }),
          cause: 'cron-not-firing',
          evidence: [{ kind: 'file', source: cron.value.storePath, value: `lastStatus: error, consecutiveErrors: ${j.consecutiveErrors}` }],
          data: { jobId: j.id },
        }),
      );
  },
});
