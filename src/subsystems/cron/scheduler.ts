// The cron scheduler: one timer armed for the next due job (capped, so jobs added by the CLI are seen),
// runs due jobs through an injected runner, records ok|skipped|error with consecutive errors, and logs
// upstream's lines when it is disabled or a tick fails.
import path from 'node:path';
import type { SubsystemLog } from '../log.js';
import { appendJsonLine } from '../json-file.js';
import { nextRunAt } from './schedule.js';
import {
  appendCronRun,
  nextWakeAt,
  readCronStore,
  recordRun,
  updateCronStore,
  type CronJob,
  type CronRunEntry,
  type CronStore,
  type RunStatus,
} from './store.js';

export const CRON_DISABLED_LINE = 'cron: scheduler disabled; jobs will not run automatically';
export const CRON_TICK_FAILED_LINE = 'cron: timer tick failed';

export interface CronRunOutcome {
  status?: Exclude<RunStatus, 'error'>;
  summary?: string;
}

/** Executes one job's payload; throwing records an error run. */
export type CronJobRunner = (job: CronJob) => Promise<CronRunOutcome | void>;

export interface CronSchedulerOptions {
  storePath: string;
  enabled: boolean;
  log: SubsystemLog;
  runner: CronJobRunner;
  now?: () => number;
  /** The longest the timer sleeps before re-reading the store (jobs added from outside). */
  maxSleepMs?: number;
}

export interface CronStatus {
  enabled: boolean;
  storePath: string;
  jobs: number;
  nextWakeAtMs: number | null;
}

/**
 * The runner used when no agent is attached: a `systemEvent` job appends its text to
 * `cron/events.jsonl` (the queue the main session reads), an `agentTurn` needs a running agent and
 * is skipped, and an unknown payload is an error.
 */
export function defaultCronRunner(storePath: string, now: () => number = Date.now): CronJobRunner {
  return async (job) => {
    const kind = job.payload?.kind ?? 'systemEvent';
    if (kind === 'systemEvent') {
      appendJsonLine(path.join(path.dirname(storePath), 'events.jsonl'), { ts: now(), jobId: job.id, text: job.payload?.text ?? job.name ?? job.id });
      return { status: 'ok', summary: 'system event queued' };
    }
    if (kind === 'agentTurn') return { status: 'skipped', summary: 'no agent attached to run the turn' };
    throw new Error(`unknown payload kind "${kind}"`);
  };
}

/** Fills in nextRunAtMs for enabled jobs that lack it (new jobs, or a store written by hand). */
export function planNextRuns(store: CronStore, nowMs: number): boolean {
  let changed = false;
  for (const job of store.jobs) {
    if (!job.enabled || job.state.nextRunAtMs !== undefined) continue;
    const next = nextRunAt(job.schedule, nowMs - 1);
    if (next !== undefined) {
      job.state.nextRunAtMs = next;
      changed = true;
    }
  }
  return changed;
}

export class CronScheduler {
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private started = false;
  private readonly now: () => number;

  constructor(private readonly opts: CronSchedulerOptions) {
    this.opts = { ...opts };
    this.now = opts.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.opts.enabled;
  }

  /** Arms the timer; when `cron.enabled` is false it only says so (jobs still run on demand). */
  start(): void {
    if (!this.opts.enabled) {
      this.opts.log.warn(CRON_DISABLED_LINE, { storePath: this.opts.storePath });
      return;
    }
    this.started = true;
    try {
      updateCronStore(this.opts.storePath, (s) => planNextRuns(s, this.now()));
    } catch (err) {
      this.opts.log.error(CRON_TICK_FAILED_LINE, { error: (err as Error).message });
    }
    this.arm();
  }

  /** Applies a hot-reloaded `cron.enabled`: stops or starts the timer (logging as start does). */
  setEnabled(enabled: boolean): void {
    if (enabled === this.opts.enabled) return;
    this.stop();
    this.opts.enabled = enabled;
    this.start();
  }

  /** Re-reads the store now (a job was added or removed through the gateway) instead of at the next capped sleep. */
  wake(): void {
    this.arm();
  }

  stop(): void {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  status(): CronStatus {
    const store = readCronStore(this.opts.storePath);
    return { enabled: this.opts.enabled, storePath: this.opts.storePath, jobs: store.jobs.length, nextWakeAtMs: nextWakeAt(store) ?? null };
  }

  private arm(): void {
    if (!this.started) return;
    if (this.timer) clearTimeout(this.timer);
    const maxSleep = this.opts.maxSleepMs ?? 60_000;
    let wake: number | undefined;
    try {
      wake = nextWakeAt(readCronStore(this.opts.storePath));
    } catch {
      wake = undefined; // the tick will report the broken store
    }
    const delay = wake === undefined ? maxSleep : Math.min(Math.max(wake - this.now(), 0), maxSleep);
    this.timer = setTimeout(() => void this.tick(), delay);
    this.timer.unref();
  }

  /** One timer tick: runs every due job; any failure outside a job is logged as upstream does. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const store = readCronStore(this.opts.storePath);
      if (planNextRuns(store, this.now())) updateCronStore(this.opts.storePath, (s) => planNextRuns(s, this.now()));
      const due = store.jobs.filter((j) => j.enabled && j.state.nextRunAtMs !== undefined && j.state.nextRunAtMs <= this.now());
      for (const job of due) await this.runJob(job.id, 'due');
    } catch (err) {
      this.opts.log.error(CRON_TICK_FAILED_LINE, { error: (err as Error).message });
    } finally {
      this.ticking = false;
      this.arm();
    }
  }

  /** Runs one job now (the timer, `cron.run`, `openclaw cron run`) and records the result. */
  async runJob(id: string, trigger: 'due' | 'manual' = 'manual'): Promise<CronRunEntry> {
    const job = readCronStore(this.opts.storePath).jobs.find((j) => j.id === id);
    if (!job) throw new Error(`unknown cron job: ${id}`);
    const started = this.now();
    let entry: CronRunEntry;
    try {
      const outcome = (await this.opts.runner(job)) ?? {};
      entry = { jobId: id, ts: started, status: outcome.status ?? 'ok', summary: outcome.summary, durationMs: this.now() - started, trigger };
    } catch (err) {
      entry = { jobId: id, ts: started, status: 'error', error: (err as Error).message, durationMs: this.now() - started, trigger };
      this.opts.log.warn(`cron: job failed: ${id}: ${entry.error}`, { jobId: id });
    }
    appendCronRun(this.opts.storePath, entry);
    updateCronStore(this.opts.storePath, (s) => {
      const j = s.jobs.find((x) => x.id === id);
      if (!j) return; // removed while it ran
      recordRun(j, entry);
      if (j.schedule.kind === 'at') {
        if (j.deleteAfterRun && entry.status === 'ok') s.jobs = s.jobs.filter((x) => x.id !== id);
        else {
          j.enabled = false; // a one-shot runs once
          delete j.state.nextRunAtMs;
        }
      } else if (trigger === 'due' || j.state.nextRunAtMs === undefined) {
        const next = nextRunAt(j.schedule, this.now());
        if (next === undefined) delete j.state.nextRunAtMs;
        else j.state.nextRunAtMs = next;
      }
    });
    return entry;
  }
}
