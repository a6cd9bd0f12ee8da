// The cron job store, `<stateDir>/cron/jobs.json` (or `cron.store`), and each job's run history in
// `<stateDir>/cron/runs/<jobId>.jsonl`. Writes are atomic; a damaged store is reported, never overwritten.
import path from 'node:path';
import * as z from '../../zod.js';
import { appendJsonLine, readJsonFile, readJsonLines, StateFileError, writeJsonFile } from '../json-file.js';
import type { CronSchedule } from './schedule.js';

export type RunStatus = 'ok' | 'skipped' | 'error';

// Built on first use: constructing them took ~0.7 ms of every doctor run (CPU profile), and most machines
// have no cron store to read.
function makeSchemas() {
  const time = z.optional(z.number());

  const scheduleSchema = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('cron'), expr: z.string(), tz: z.optional(z.string()) }),
    z.object({ kind: z.literal('every'), everyMs: z.number().check(z.positive()), anchorMs: time }),
    z.object({ kind: z.literal('at'), atMs: z.number() }),
  ]);

  const jobStateSchema = z.looseObject({
    nextRunAtMs: time,
    runningAtMs: time,
    lastRunAtMs: time,
    lastStatus: z.optional(z.enum(['ok', 'skipped', 'error'])),
    lastError: z.optional(z.string()),
    lastDurationMs: time,
    consecutiveErrors: z.optional(z.number().check(z.int(), z.gte(0))),
  });

  const jobSchema = z.looseObject({
    id: z.string().check(z.minLength(1)),
    name: z.optional(z.string()),
    enabled: z._default(z.boolean(), true),
    schedule: scheduleSchema,
    /** What the job does: upstream sends a system event text or an agent turn message. */
    payload: z.optional(z.looseObject({ kind: z.string(), text: z.optional(z.string()), message: z.optional(z.string()) })),
    deleteAfterRun: z.optional(z.boolean()),
    createdAtMs: time,
    state: z._default(jobStateSchema, {}),
  });

  const storeSchema = z.looseObject({ version: z._default(z.literal(1), 1), jobs: z._default(z.array(jobSchema), []) });
  return { jobSchema, jobStateSchema, storeSchema };
}
let schemas: ReturnType<typeof makeSchemas> | undefined;
const cronSchemas = () => (schemas ??= makeSchemas());

export type CronJob = z.infer<ReturnType<typeof makeSchemas>['jobSchema']> & { schedule: CronSchedule };
export type CronJobState = z.infer<ReturnType<typeof makeSchemas>['jobStateSchema']>;
export interface CronStore {
  version: 1;
  jobs: CronJob[];
}

export interface CronRunEntry {
  jobId: string;
  ts: number;
  status: RunStatus;
  durationMs?: number;
  error?: string;
  summary?: string;
  /** manual (cron.run / `openclaw cron run`) or due (the timer). */
  trigger?: 'due' | 'manual';
}

export function cronStorePath(stateDir: string, config?: { cron?: { store?: unknown } }): string {
  const custom = config?.cron?.store;
  return typeof custom === 'string' && custom ? path.resolve(stateDir, custom) : path.join(stateDir, 'cron', 'jobs.json');
}

export function cronRunsPath(storePath: string, jobId: string): string {
  return path.join(path.dirname(storePath), 'runs', `${jobId.replace(/[^A-Za-z0-9_.-]/g, '_')}.jsonl`);
}

export function readCronStore(storePath: string): CronStore {
  const raw = readJsonFile(storePath);
  if (raw === undefined) return { version: 1, jobs: [] };
  const parsed = cronSchemas().storeSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StateFileError(storePath, `is not a valid cron store: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data as CronStore;
}

export function writeCronStore(storePath: string, store: CronStore): void {
  writeJsonFile(storePath, store);
}

/** Reads, changes and writes the store in one step (the CLI and the RPC handlers share it). */
export function updateCronStore<T>(storePath: string, mutate: (store: CronStore) => T): T {
  const store = readCronStore(storePath);
  const result = mutate(store);
  writeCronStore(storePath, store);
  return result;
}

export function appendCronRun(storePath: string, entry: CronRunEntry): void {
  appendJsonLine(cronRunsPath(storePath, entry.jobId), entry);
}

export function readCronRuns(storePath: string, jobId: string, limit = 20): CronRunEntry[] {
  return readJsonLines<CronRunEntry>(cronRunsPath(storePath, jobId), limit).reverse(); // newest first
}

/** Records a finished run in the job's state: last status, error, duration, consecutive errors. */
export function recordRun(job: CronJob, entry: CronRunEntry): void {
  const s = job.state;
  s.lastRunAtMs = entry.ts;
  s.lastStatus = entry.status;
  s.lastDurationMs = entry.durationMs;
  delete s.runningAtMs;
  if (entry.status === 'error') {
    s.lastError = entry.error ?? 'unknown error';
    s.consecutiveErrors = (s.consecutiveErrors ?? 0) + 1;
  } else {
    delete s.lastError;
    s.consecutiveErrors = 0;
  }
}

/** The earliest nextRunAtMs over enabled jobs: when the scheduler must wake next. */
export function nextWakeAt(store: CronStore): number | undefined {
  let min: number | undefined;
  for (const j of store.jobs) {
    const n = j.enabled ? j.state.nextRunAtMs : undefined;
    if (n !== undefined && (min === undefined || n < min)) min = n;
  }
  return min;
}

export function newJobId(): string {
  return `job_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
