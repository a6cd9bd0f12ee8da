// The `cron` fact: the scheduler switch, the store (the path the gateway's scheduler uses), every
// job's last run and next wake.
import type { Fact } from './fact.js';
import type { JsonObject } from '../config/load.js';
import { cronEnabled, viewJob, type CronJobView } from '../subsystems/cron/view.js';
import { nextRunAt } from '../subsystems/cron/schedule.js';
import { cronStorePath, readCronStore, type CronJob } from '../subsystems/cron/store.js';

export interface CronFact {
  enabled: boolean;
  storePath: string;
  jobs: CronJobView[];
  nextWakeAtMs: number | null;
}

/**
 * When the job runs next: what the scheduler saved, else what its schedule says. A store the gateway
 * never ran has no saved times, and that is not a stuck job; a schedule with no future run is.
 */
function plannedRun(job: CronJob, now: number): number | null {
  if (job.state.nextRunAtMs !== undefined && job.state.nextRunAtMs !== null) return job.state.nextRunAtMs;
  try {
    return nextRunAt(job.schedule, now) ?? null;
  } catch {
    return null; // an expression croner cannot parse never runs
  }
}

export function collectCronFact(input: { stateDir: string; config: JsonObject; now?: number }): Fact<CronFact> {
  const storePath = cronStorePath(input.stateDir, input.config as { cron?: { store?: unknown } });
  try {
    const store = readCronStore(storePath);
    const now = input.now ?? Date.now();
    const jobs = store.jobs.map((j) => ({ ...viewJob(j), nextRunAtMs: plannedRun(j, now) }));
    const planned = jobs.filter((j) => j.enabled && j.nextRunAtMs !== null).map((j) => j.nextRunAtMs as number);
    return { ok: true, value: { enabled: cronEnabled(input.config), storePath, jobs, nextWakeAtMs: planned.length ? Math.min(...planned) : null } };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}
