// The subsystem commands as a user runs them: cron, system heartbeat, channels status --probe,
// nodes and approvals, each against a temp state dir (and a real local HTTP receiver for probes).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanEnv, runCli, tempDir } from '../helpers/cli.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function setup(config: Record<string, unknown> = {}) {
  const stateDir = tempDir('oc-sub-e2e-');
  cleanups.push(() => fs.rmSync(stateDir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(stateDir, 'openclaw.json'), JSON.stringify(config));
  const env = cleanEnv({ OPENCLAW_STATE_DIR: stateDir });
  return { stateDir, cli: (...args: string[]) => runCli(args, { env }) };
}

describe('openclaw cron', () => {
  it('adds, lists, runs, shows history and removes, all with --json', async () => {
    const { stateDir, cli } = setup({ cron: { enabled: false } });
    const status0 = JSON.parse((await cli('cron', 'status', '--json')).stdout);
    expect(status0).toEqual({ enabled: false, storePath: path.join(stateDir, 'cron', 'jobs.json'), jobs: 0, nextWakeAtMs: null });
    const add = await cli('cron', 'add', '--name', 'digest', '--cron', '0 9 * * 1-5', '--tz', 'Europe/Berlin', '--system-event', 'morning digest', '--json');
    expect(add.code).toBe(0);
    const id = JSON.parse(add.stdout).job.id as string;
    const human = await cli('cron', 'status');
    expect(human.stdout).toContain('disabled (cron.enabled: false)');
    const list = JSON.parse((await cli('cron', 'list', '--json')).stdout);
    expect(list.jobs[0]).toMatchObject({ id, schedule: 'cron 0 9 * * 1-5 (Europe/Berlin)', lastStatus: null });
    expect(list.jobs[0].nextRunAtMs).toBeGreaterThan(Date.now());
    const run = await cli('cron', 'run', id, '--json');
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, entry: { status: 'ok', trigger: 'manual' } });
    const runs = JSON.parse((await cli('cron', 'runs', '--id', id, '--limit', '5', '--json')).stdout);
    expect(runs.entries).toHaveLength(1);
    expect((await cli('cron', 'rm', id)).stdout).toContain(`Removed ${id}`);
  });

  it('rejects bad input with usage errors and never a stack trace', async () => {
    const { cli, stateDir } = setup();
    const bad = await cli('cron', 'add', '--cron', 'every tuesday');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('invalid cron expression');
    expect((await cli('cron', 'runs', '--id', 'x', '--limit', '0')).code).toBe(2);
    const missing = await cli('cron', 'rm', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('unknown cron job: nope');
    fs.mkdirSync(path.join(stateDir, 'cron'), { recursive: true });
    fs.writeFileSync(path.join(stateDir, 'cron', 'jobs.json'), '{"jobs": 5}');
    const broken = await cli('cron', 'list');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('is not a valid cron store');
    expect(broken.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readFileSync(path.join(stateDir, 'cron', 'jobs.json'), 'utf8')).toBe('{"jobs": 5}');
  });
});

describe('openclaw system heartbeat last', () => {
  it('says when none ran and shows the recorded event', async () => {
    const { stateDir, cli } = setup();
    expect((await cli('system', 'heartbeat', 'last')).stdout).toContain('No heartbeat recorded yet');
    expect((await cli('system', 'heartbeat', 'last', '--json')).stdout.trim()).toBe('null');
    fs.mkdirSync(path.join(stateDir, 'heartbeat'));
    fs.writeFileSync(path.join(stateDir, 'heartbeat', 'last.json'), JSON.stringify({ ts: Date.parse('2026-03-01T12:00:00Z'), status: 'skipped', reason: 'quiet-hours', detail: 'outside 08:00–22:00 UTC' }));
    const human = await cli('system', 'heartbeat', 'last');
    expect(human.stdout).toContain('2026-03-01T12:00:00.000Z  skipped reason=quiet-hours');
    expect(JSON.parse((await cli('system', 'heartbeat', 'last', '--json')).stdout)).toMatchObject({ reason: 'quiet-hours' });
  });
});

describe('openclaw channels status --probe', () => {
  it('reports works, and a 403 missing_scope with exit 1, never printing tokens', async () => {
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const ok = req.url === '/ok';
        res.writeHead(ok ? 200 : 403, { 'content-type': 'application/json' });
        res.end(ok ? '{"ok":true}' : '{"ok":false,"error":"missing_scope"}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => server.close(r)));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { cli } = setup({ channels: { webhook: { token: 'tok-secret-value', accounts: { good: { url: `${base}/ok` }, bad: { url: `${base}/denied` } } } } });
    const r = await cli('channels', 'status', '--probe', '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('tok-secret-value');
    const by = Object.fromEntries(JSON.parse(r.stdout).channels.map((c: { accountId: string }) => [c.accountId, c]));
    expect(by.good.probe).toEqual({ ok: true, result: 'works' });
    expect(by.bad.probe).toMatchObject({ ok: false, code: 'missing_scope', status: 403 });
    const human = await cli('channels', 'status', '--probe');
    expect(human.stdout).toContain('probe: works');
    expect(human.stdout).toContain('probe: failed — HTTP 403 Forbidden: missing_scope');
  });
});

describe('openclaw nodes and approvals', () => {
  it('reads the recorded registry and the approvals files', async () => {
    const { stateDir, cli } = setup();
    expect((await cli('nodes', 'status')).stdout).toContain('No nodes recorded.');
    fs.mkdirSync(path.join(stateDir, 'nodes', 'n1'), { recursive: true });
    fs.writeFileSync(
      path.join(stateDir, 'nodes', 'registry.json'),
      JSON.stringify({
        nodes: [{ nodeId: 'n1', displayName: 'Pixel', remoteIp: '10.0.0.5', caps: ['camera'], commands: ['camera.snap'], permissions: { camera: 'denied' }, connected: false }],
        recentErrors: [{ at: Date.now(), nodeId: 'n1', command: 'camera.snap', code: 'CAMERA_PERMISSION_REQUIRED', message: 'CAMERA_PERMISSION_REQUIRED: grant camera to the node app (denied)' }],
      }),
    );
    fs.writeFileSync(path.join(stateDir, 'nodes', 'n1', 'exec-approvals.json'), JSON.stringify({ security: 'allowlist', ask: 'off', allowlist: ['git', '/usr/bin/ls'] }));
    const d = await cli('nodes', 'describe', '--node', 'Pixel');
    expect(d.stdout).toContain('permissions: camera=denied');
    expect(d.stdout).toContain('CAMERA_PERMISSION_REQUIRED');
    const a = JSON.parse((await cli('approvals', 'get', '--node', '10.0.0.5', '--json')).stdout);
    expect(a).toMatchObject({ nodeId: 'n1', exists: true, effective: { security: 'allowlist', ask: 'off', allowlist: ['git', '/usr/bin/ls'] } });
    const host = await cli('approvals', 'get');
    expect(host.stdout).toContain('(not present: defaults apply)');
    const unknown = await cli('approvals', 'get', '--node', 'ghost');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown node: ghost');
  });
});
