// How cron reads to a person or a check: whether the scheduler is on, and a job as the RPCs and
// the doctor show it. Apart from the RPC handlers, so the doctor's cron fact loads no RPC schemas.
import { objectAt } from '../context.js';
import { describeSchedule } from './schedule.js';
import type { CronJob } from './store.js';

export function cronEnabled(config: Record<string, unknown>): boolean {
  return objectAt(config.cron).enabled !== false;
}

export interface CronJobView {
  id: string;
  name?: string;
  enabled: boolean;
  schedule: string;
  nextRunAtMs: number | null;
  lastRunAtMs: number | null;
  lastStatus: string | null;
  lastError?: string;
  consecutiveErrors: number;
}

export function viewJob(j: CronJob): CronJobView {
  return {
    id: j.id,
    name: j.name,
    enabled: j.enabled,
    schedule: describeSchedule(j.schedule),
    nextRunAtMs: j.state.nextRunAtMs ?? null,
    lastRunAtMs: j.state.lastRunAtMs ?? null,
    lastStatus: j.state.lastStatus ?? null,
    lastError: j.state.lastError,
    consecutiveErrors: j.state.consecutiveErrors ?? 0,
  };
}
