// The cron RPC methods (`cron.status|list|runs|add|remove|run`) as plain handlers over the store.
// They work with or without a running scheduler: `cron.run` uses the gateway's scheduler when one is
// attached to the context, else a one-off scheduler with the default runner.
import * as z from '../../zod.js';
import { RpcError, type RpcMethod } from '../../protocol/rpc.js';
import { defineRpc, nowOf, objectAt, type SubsystemContext } from '../context.js';
import { StateFileError } from '../json-file.js';
import { CronScheduler, defaultCronRunner, planNextRuns } from './scheduler.js';
import { nextRunAt, ScheduleError, validateSchedule, type CronSchedule } from './schedule.js';
import { cronStorePath, newJobId, nextWakeAt, readCronRuns, readCronStore, updateCronStore, type CronJob } from './store.js';
import { cronEnabled, viewJob } from './view.js';

export { cronEnabled, viewJob, type CronJobView } from './view.js';

export interface CronRpcContext extends SubsystemContext {
  /** The gateway's running scheduler, when there is one. */
  cron?: CronScheduler;
}

function storeOf(ctx: SubsystemContext): string {
  return cronStorePath(ctx.stateDir, ctx.config as { cron?: { store?: unknown } });
}

function readStore(ctx: SubsystemContext) {
  try {
    return readCronStore(storeOf(ctx));
  } catch (err) {
    if (err instanceof StateFileError) throw new RpcError('UNAVAILABLE', err.message);
    throw err;
  }
}

export function cronStatus(_p: unknown, ctx: SubsystemContext) {
  const store = readStore(ctx);
  return { enabled: cronEnabled(ctx.config), storePath: storeOf(ctx), jobs: store.jobs.length, nextWakeAtMs: nextWakeAt(store) ?? null };
}

export function cronList(p: { includeDisabled?: boolean }, ctx: SubsystemContext) {
  const jobs = readStore(ctx).jobs.filter((j) => p.includeDisabled !== false || j.enabled);
  return { jobs: jobs.map(viewJob) };
}

function requireJob(ctx: SubsystemContext, id: string): CronJob {
  const job = readStore(ctx).jobs.find((j) => j.id === id);
  if (!job) throw new RpcError('NOT_FOUND', `unknown cron job: ${id}`);
  return job;
}

export function cronRuns(p: { id: string; limit: number }, ctx: SubsystemContext) {
  requireJob(ctx, p.id);
  return { id: p.id, entries: readCronRuns(storeOf(ctx), p.id, p.limit) };
}

const nonEmpty = z.string().check(z.minLength(1));

const scheduleParam = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cron'), expr: nonEmpty, tz: z.optional(z.string()) }),
  z.object({ kind: z.literal('every'), everyMs: z.number().check(z.int(), z.positive()) }),
  z.object({ kind: z.literal('at'), atMs: z.number() }),
]);

export const cronAddParams = z.object({
  name: z.optional(z.string()),
  schedule: scheduleParam,
  payload: z.optional(z.looseObject({ kind: z.string(), text: z.optional(z.string()), message: z.optional(z.string()) })),
  enabled: z.optional(z.boolean()),
  deleteAfterRun: z.optional(z.boolean()),
});

const jobIdParam = z.object({ id: nonEmpty });

export function cronAdd(p: z.output<typeof cronAddParams>, ctx: CronRpcContext) {
  const now = nowOf(ctx);
  const schedule: CronSchedule = p.schedule.kind === 'every' ? { ...p.schedule, anchorMs: now } : p.schedule;
  try {
    validateSchedule(schedule);
  } catch (err) {
    if (err instanceof ScheduleError) throw new RpcError('INVALID_REQUEST', err.message);
    throw err;
  }
  const job = {
    id: newJobId(),
    name: p.name,
    enabled: p.enabled ?? true,
    schedule,
    payload: p.payload ?? { kind: 'systemEvent', text: p.name ?? 'cron job' },
    deleteAfterRun: p.deleteAfterRun,
    createdAtMs: now,
    state: { nextRunAtMs: nextRunAt(schedule, now) },
  } as CronJob;
  updateCronStore(storeOf(ctx), (s) => void s.jobs.push(job));
  ctx.cron?.wake();
  return { job: viewJob(job) };
}

export function cronRemove(p: { id: string }, ctx: CronRpcContext) {
  const removed = updateCronStore(storeOf(ctx), (s) => {
    const before = s.jobs.length;
    s.jobs = s.jobs.filter((j) => j.id !== p.id);
    return before !== s.jobs.length;
  });
  if (!removed) throw new RpcError('NOT_FOUND', `unknown cron job: ${p.id}`);
  ctx.cron?.wake();
  return { id: p.id, removed: true };
}

export async function cronRun(p: { id: string }, ctx: CronRpcContext) {
  requireJob(ctx, p.id);
  const storePath = storeOf(ctx);
  const scheduler =
    ctx.cron ?? new CronScheduler({ storePath, enabled: cronEnabled(ctx.config), log: ctx.log, runner: defaultCronRunner(storePath, ctx.now), now: ctx.now });
  const entry = await scheduler.runJob(p.id, 'manual');
  return { ran: true, entry };
}

/** Recomputes missing next-run times (used by `openclaw cron status --repair-next` and the doctor's verify). */
export function cronPlan(ctx: SubsystemContext): boolean {
  return updateCronStore(storeOf(ctx), (s) => planNextRuns(s, nowOf(ctx)));
}

export const cronRpcMethods: RpcMethod<SubsystemContext>[] = [
  defineRpc({ name: 'cron.status', scope: 'operator.read', params: z.looseObject({}), handle: cronStatus }),
  defineRpc({ name: 'cron.list', scope: 'operator.read', params: z.object({ includeDisabled: z.optional(z.boolean()) }), handle: cronList }),
  defineRpc({
    name: 'cron.runs',
    scope: 'operator.read',
    params: z.object({ id: nonEmpty, limit: z._default(z.number().check(z.int(), z.gte(1), z.lte(1000)), 20) }),
    handle: cronRuns,
  }),
  defineRpc({ name: 'cron.add', scope: 'operator.write', params: cronAddParams, handle: cronAdd }),
  defineRpc({ name: 'cron.remove', scope: 'operator.write', params: jobIdParam, handle: cronRemove }),
  defineRpc({ name: 'cron.run', scope: 'operator.write', params: jobIdParam, handle: cronRun }),
];
