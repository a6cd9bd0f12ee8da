import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLog } from '../../src/subsystems/log.js';
import { callRpc } from '../../src/protocol/rpc.js';
import { cronRpcMethods } from '../../src/subsystems/cron/rpc.js';
import { CronScheduler, CRON_DISABLED_LINE, CRON_TICK_FAILED_LINE } from '../../src/subsystems/cron/scheduler.js';
import { nextRunAt, scheduleFromFlags } from '../../src/subsystems/cron/schedule.js';
import { readCronRuns, readCronStore, writeCronStore } from '../../src/subsystems/cron/store.js';
import { collectCronFact } from '../../src/facts/cron.js';

const dirs: string[] = [];
function stateDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-cron-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const rpc = (name: string) => cronRpcMethods.find((m) => m.name === name)!;

describe('cron schedules', () => {
  it('parses cron expressions with croner, honouring a timezone', () => {
    const from = Date.parse('2026-01-01T10:00:00Z');
    expect(nextRunAt({ kind: 'cron', expr: '0 12 * * *', tz: 'UTC' }, from)).toBe(Date.parse('2026-01-01T12:00:00Z'));
    expect(nextRunAt({ kind: 'cron', expr: '0 12 * * *', tz: 'Asia/Seoul' }, from)).toBe(Date.parse('2026-01-02T03:00:00Z'));
  });
  it('computes intervals from the anchor and one-shots only in the future', () => {
    expect(nextRunAt({ kind: 'every', everyMs: 1000, anchorMs: 0 }, 2500)).toBe(3000);
    expect(nextRunAt({ kind: 'at', atMs: 100 }, 200)).toBeUndefined();
  });
  it('rejects bad flags clearly', () => {
    expect(() => scheduleFromFlags({ cron: 'not a cron' }, 0)).toThrow(/invalid cron expression/);
    expect(() => scheduleFromFlags({ every: '10x' }, 0)).toThrow(/invalid duration/);
    expect(() => scheduleFromFlags({}, 0)).toThrow(/exactly one/);
    expect(scheduleFromFlags({ at: '+20m' }, 1000)).toEqual({ kind: 'at', atMs: 1000 + 20 * 60_000 });
  });
});

describe('cron RPC handlers', () => {
  it('adds, lists, runs, records history and removes jobs', async () => {
    const dir = stateDir();
    const log = memoryLog();
    const ctx = { stateDir: dir, config: {}, log };
    const added = (await callRpc(rpc('cron.add'), { name: 'ping', schedule: { kind: 'every', everyMs: 60_000 } }, ctx)) as { job: { id: string } };
    const status = (await callRpc(rpc('cron.status'), {}, ctx)) as { enabled: boolean; jobs: number; nextWakeAtMs: number; storePath: string };
    expect(status).toMatchObject({ enabled: true, jobs: 1, storePath: path.join(dir, 'cron', 'jobs.json') });
    expect(status.nextWakeAtMs).toBeGreaterThan(Date.now());
    const run = (await callRpc(rpc('cron.run'), { id: added.job.id }, ctx)) as { entry: { status: string } };
    expect(run.entry.status).toBe('ok');
    const runs = (await callRpc(rpc('cron.runs'), { id: added.job.id, limit: 5 }, ctx)) as { entries: unknown[] };
    expect(runs.entries).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, 'cron', 'events.jsonl'), 'utf8')).toContain('"text":"ping"');
    await callRpc(rpc('cron.remove'), { id: added.job.id }, ctx);
    expect(((await callRpc(rpc('cron.list'), {}, ctx)) as { jobs: unknown[] }).jobs).toHaveLength(0);
  });
  it('rejects bad params and unknown ids with codes', async () => {
    const ctx = { stateDir: stateDir(), config: {}, log: memoryLog() };
    await expect(callRpc(rpc('cron.runs'), { limit: 5 }, ctx)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(callRpc(rpc('cron.remove'), { id: 'nope' }, ctx)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(callRpc(rpc('cron.add'), { schedule: { kind: 'cron', expr: '99 * * * *' } }, ctx)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });
  it('reports a damaged store instead of overwriting it', async () => {
    const dir = stateDir();
    fs.mkdirSync(path.join(dir, 'cron'));
    fs.writeFileSync(path.join(dir, 'cron', 'jobs.json'), '{ broken');
    const ctx = { stateDir: dir, config: {}, log: memoryLog() };
    await expect(callRpc(rpc('cron.status'), {}, ctx)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(fs.readFileSync(path.join(dir, 'cron', 'jobs.json'), 'utf8')).toBe('{ broken');
    expect(collectCronFact({ stateDir: dir, config: {} }).ok).toBe(false);
  });
});

describe('CronScheduler', () => {
  it('logs the upstream line and runs nothing when cron.enabled is false', () => {
    const log = memoryLog();
    const s = new CronScheduler({ storePath: path.join(stateDir(), 'cron', 'jobs.json'), enabled: false, log, runner: async () => {} });
    s.start();
    s.stop();
    expect(log.lines()).toContain(CRON_DISABLED_LINE);
  });

  it('runs due jobs on its timer and counts consecutive errors', async () => {
    const storePath = path.join(stateDir(), 'cron', 'jobs.json');
    writeCronStore(storePath, {
      version: 1,
      jobs: [
        { id: 'good', enabled: true, schedule: { kind: 'every', everyMs: 40 }, state: {} },
        { id: 'bad', enabled: true, schedule: { kind: 'every', everyMs: 40 }, state: {} },
      ] as never,
    });
    const log = memoryLog();
    const s = new CronScheduler({
      storePath,
      enabled: true,
      log,
      maxSleepMs: 20,
      runner: async (job) => {
        if (job.id === 'bad') throw new Error('boom');
        return { status: 'ok' };
      },
    });
    s.start();
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && (readCronStore(storePath).jobs[1].state.consecutiveErrors ?? 0) < 2) await new Promise((r) => setTimeout(r, 20));
    s.stop();
    const [good, bad] = readCronStore(storePath).jobs;
    expect(good.state.lastStatus).toBe('ok');
    expect(bad.state).toMatchObject({ lastStatus: 'error', lastError: 'boom' });
    expect(bad.state.consecutiveErrors).toBeGreaterThanOrEqual(2);
    expect(readCronRuns(storePath, 'bad', 1)[0]).toMatchObject({ status: 'error', trigger: 'due' });
    expect(s.status().nextWakeAtMs).not.toBeNull();
  });

  it('logs "cron: timer tick failed" when the store breaks under it', async () => {
    const storePath = path.join(stateDir(), 'cron', 'jobs.json');
    const log = memoryLog();
    const s = new CronScheduler({ storePath, enabled: true, log, runner: async () => {}, maxSleepMs: 10_000 });
    s.start();
    fs.writeFileSync(storePath, '[not json');
    await s.tick();
    s.stop();
    expect(log.records.find((r) => r.msg === CRON_TICK_FAILED_LINE)?.level).toBe('error');
  });

  it('disables a one-shot after it ran', async () => {
    const storePath = path.join(stateDir(), 'cron', 'jobs.json');
    writeCronStore(storePath, { version: 1, jobs: [{ id: 'once', enabled: true, schedule: { kind: 'at', atMs: Date.now() + 60_000 }, state: {} }] as never });
    const s = new CronScheduler({ storePath, enabled: true, log: memoryLog(), runner: async () => ({ status: 'skipped' }) });
    await s.runJob('once');
    expect(readCronStore(storePath).jobs[0]).toMatchObject({ enabled: false, state: { lastStatus: 'skipped', consecutiveErrors: 0 } });
  });
});

describe('CronScheduler hot reload', () => {
  it('setEnabled(false) logs the disabled line and stops; setEnabled(true) plans again', async () => {
    const storePath = path.join(stateDir(), 'cron', 'jobs.json');
    writeCronStore(storePath, { version: 1, jobs: [{ id: 'j', enabled: true, schedule: { kind: 'every', everyMs: 60_000 }, state: {} }] as never });
    const log = memoryLog();
    const s = new CronScheduler({ storePath, enabled: true, log, runner: async () => {} });
    s.start();
    expect(readCronStore(storePath).jobs[0].state.nextRunAtMs).toBeGreaterThan(Date.now());
    s.setEnabled(false);
    expect(log.lines()).toEqual([CRON_DISABLED_LINE]);
    expect(s.status().enabled).toBe(false);
    s.setEnabled(true);
    s.stop();
    expect(s.status().enabled).toBe(true);
  });
});
