import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withinActiveHours } from '../../src/subsystems/heartbeat/active-hours.js';
import { evaluateHeartbeat, type HeartbeatInputs } from '../../src/subsystems/heartbeat/evaluate.js';
import { dueTasks, parseHeartbeatFile } from '../../src/subsystems/heartbeat/heartbeat-file.js';
import { HeartbeatRunner, readLastHeartbeat } from '../../src/subsystems/heartbeat/runner.js';
import { memoryLog } from '../../src/subsystems/log.js';

const at = (iso: string) => Date.parse(iso);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('active hours', () => {
  it('handles plain ranges, ranges across midnight and IANA zones', () => {
    const day = { start: '08:00', end: '22:00', timezone: 'UTC' };
    expect(withinActiveHours(day, at('2026-03-01T12:00:00Z')).active).toBe(true);
    expect(withinActiveHours(day, at('2026-03-01T23:00:00Z')).active).toBe(false);
    const night = { start: '22:00', end: '06:00', timezone: 'UTC' };
    expect(withinActiveHours(night, at('2026-03-01T23:30:00Z')).active).toBe(true);
    expect(withinActiveHours(night, at('2026-03-01T05:59:00Z')).active).toBe(true);
    expect(withinActiveHours(night, at('2026-03-01T06:00:00Z')).active).toBe(false);
    // 23:00 UTC is 08:00 next day in Seoul
    expect(withinActiveHours({ start: '08:00', end: '09:00', timezone: 'Asia/Seoul' }, at('2026-03-01T23:00:00Z')).active).toBe(true);
    expect(withinActiveHours({ start: '08:00', end: '09:00', timezone: 'Mars/Base' }, 0).problem).toMatch(/unknown timezone/);
  });
});

describe('HEARTBEAT.md', () => {
  it('treats blank lines and headers as empty', () => {
    expect(parseHeartbeatFile('# Heartbeat\n\n## Notes\n   \n').empty).toBe(true);
    expect(parseHeartbeatFile('# Heartbeat\n- check the inbox\n').empty).toBe(false);
  });
  it('parses a tasks block and tells which tasks are due', () => {
    const f = parseHeartbeatFile('# HB\ntasks:\n  - name: inbox\n    every: 2h\n  - name: review\n    every: 7d\n\n## after\n');
    expect(f.tasks).toEqual([
      { name: 'inbox', everyMs: 7_200_000 },
      { name: 'review', everyMs: 7 * 86_400_000 },
    ]);
    expect(f.empty).toBe(false);
    expect(dueTasks(f.tasks!, { inbox: 0, review: 0 }, 3_600_000).map((t) => t.name)).toEqual([]);
    expect(dueTasks(f.tasks!, { inbox: 0 }, 7_200_000).map((t) => t.name)).toEqual(['inbox', 'review']);
    expect(parseHeartbeatFile('tasks:\n  - name: x\n    every: soon\n').problems[0]).toMatch(/invalid duration/);
  });
});

const base = {
  agents: { defaults: { heartbeat: { every: '30m', target: 'webhook', to: 'user:42' } } },
  channels: { webhook: { url: 'http://127.0.0.1:9/' } },
};
function with_(hb: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { ...base, ...extra, agents: { defaults: { heartbeat: { ...base.agents.defaults.heartbeat, ...hb } } } };
}
const noon = at('2026-03-01T12:00:00Z');

describe('evaluateHeartbeat: every skip reason', () => {
  const cases: Array<[string, Partial<HeartbeatInputs>, string | null]> = [
    ['runs with a DM target', { config: base }, null],
    ['disabled by every: 0m', { config: with_({ every: '0m' }) }, 'disabled'],
    ['quiet hours', { config: with_({ activeHours: { start: '22:00', end: '06:00', timezone: 'UTC' } }) }, 'quiet-hours'],
    ['requests in flight', { config: base, requestsInFlight: 2 }, 'requests-in-flight'],
    ['target none', { config: with_({ target: 'none' }) }, 'target-none'],
    ['last with nobody', { config: with_({ target: 'last' }) }, 'no-target'],
    ['unconfigured channel', { config: with_({ target: 'telegram' }) }, 'no-target'],
    ['unknown account', { config: with_({ accountId: 'ops' }) }, 'unknown-account'],
    ['first account when accountId is unset', { config: { ...base, channels: { webhook: { accounts: { ops: {} } } } } }, null],
    ['dm blocked', { config: with_({ directPolicy: 'block' }) }, 'dm-blocked'],
    ['dm policy block does not block groups', { config: with_({ directPolicy: 'block', to: 'group:eng' }) }, null],
    [
      'alerts disabled',
      { config: { ...base, channels: { ...base.channels, defaults: { heartbeat: { showOk: false, showAlerts: false, useIndicator: false } } } } },
      'alerts-disabled',
    ],
    ['empty file', { config: base, heartbeatFile: '# Heartbeat\n\n' }, 'empty-heartbeat-file'],
    ['no tasks due', { config: base, heartbeatFile: 'tasks:\n  - name: inbox\n    every: 2h\n', taskRuns: { inbox: noon - 60_000 } }, 'no-tasks-due'],
    ['a task due', { config: base, heartbeatFile: 'tasks:\n  - name: inbox\n    every: 2h\n', taskRuns: { inbox: noon - 3 * 3_600_000 } }, null],
    [
      'last contact from accounts map',
      { config: { ...with_({ target: 'last' }), channels: { webhook: { accounts: { ops: {} } } } }, lastContact: { channel: 'webhook', accountId: 'ops', to: 'user:1', chatType: 'direct' } },
      null,
    ],
  ];
  it.each(cases)('%s', (_name, input, reason) => {
    const d = evaluateHeartbeat({ nowMs: noon, config: {}, ...input } as HeartbeatInputs);
    if (reason === null) expect(d).toMatchObject({ run: true });
    else expect(d).toMatchObject({ run: false, reason });
  });
});

describe('HeartbeatRunner', () => {
  function setup(config: Record<string, unknown>) {
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-hb-'));
    dirs.push(stateDir);
    const log = memoryLog();
    const sent: string[] = [];
    const runner = new HeartbeatRunner({ stateDir, getConfig: () => config, log, deliver: async (d, prompt) => void sent.push(`${d.to}:${prompt}`), now: () => noon });
    return { stateDir, log, sent, runner };
  }
  it('logs the skip line with the reason and records the last event', async () => {
    const { stateDir, log, runner } = setup(with_({ accountId: 'ops' }));
    const ev = await runner.beat();
    expect(ev).toMatchObject({ status: 'skipped', reason: 'unknown-account' });
    expect(log.lines()).toEqual(['heartbeat: unknown accountId', 'heartbeat skipped reason=unknown-account']);
    expect(readLastHeartbeat(stateDir)).toMatchObject({ status: 'skipped', reason: 'unknown-account' });
  });
  it('delivers, then skips no-tasks-due until a task is due again', async () => {
    const { stateDir, sent, runner, log } = setup(base);
    fs.mkdirSync(path.join(stateDir, 'workspace'));
    fs.writeFileSync(path.join(stateDir, 'workspace', 'HEARTBEAT.md'), 'tasks:\n  - name: inbox\n    every: 2h\n');
    expect((await runner.beat()).status).toBe('sent');
    expect(sent).toEqual(['user:42:Heartbeat: due tasks: inbox']);
    expect(await runner.beat()).toMatchObject({ status: 'skipped', reason: 'no-tasks-due' });
    expect(log.lines()).toContain('heartbeat skipped reason=no-tasks-due');
  });
  it('records a failed delivery', async () => {
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-hb-'));
    dirs.push(stateDir);
    const runner = new HeartbeatRunner({ stateDir, getConfig: () => base, log: memoryLog(), deliver: async () => { throw new Error('HTTP 403 Forbidden'); }, now: () => noon });
    expect(await runner.beat()).toMatchObject({ status: 'failed', error: 'HTTP 403 Forbidden' });
  });
  it('beats on its own timer', async () => {
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-hb-'));
    dirs.push(stateDir);
    const runner = new HeartbeatRunner({ stateDir, getConfig: () => with_({ every: '30ms', target: 'none' }), log: memoryLog(), deliver: async () => {} });
    runner.start();
    const deadline = Date.now() + 3000;
    while (!readLastHeartbeat(stateDir) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    runner.stop();
    expect(readLastHeartbeat(stateDir)).toMatchObject({ reason: 'target-none' });
  });
});
