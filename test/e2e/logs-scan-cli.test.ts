// `openclaw logs scan` as a user runs it: the built CLI, real files in a scratch state dir, stdin,
// and --follow against a file that is being appended to.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killChildren, runCli, spawnCli } from './logs-scan-helpers.js';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'logs-scan-e2e-'));
  env = { PATH: process.env.PATH, HOME: dir, OPENCLAW_STATE_DIR: path.join(dir, 'state'), NO_COLOR: '1', TMPDIR: dir, OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR: process.env.OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR };
  // Keep a real OpenClaw's shared /tmp/openclaw log on this machine out of the default sources.
  fs.mkdirSync(path.join(dir, 'state'));
  fs.writeFileSync(path.join(dir, 'state', 'openclaw.json'), JSON.stringify({ logging: { file: path.join(dir, 'upstream.log') } }));
});
afterEach(() => {
  killChildren();
  fs.rmSync(dir, { recursive: true, force: true });
});

const upstream = (msg: string, level = 'ERROR') =>
  JSON.stringify({ '0': msg, _meta: { logLevelName: level, date: new Date().toISOString(), name: '{"subsystem":"gateway"}' }, time: new Date().toISOString() });

describe('openclaw logs scan', () => {
  it('joins two facts from different lines of a journal into one combination cause', async () => {
    const file = path.join(dir, 'journal.log');
    fs.writeFileSync(
      file,
      [
        'Nov 22 02:18:55 box openclaw[4121]: Gateway start blocked: existing config is missing gateway.mode. Run `openclaw config set gateway.mode local`.',
        'Nov 22 02:18:55 box systemd[812]: openclaw-gateway.service: Main process exited, code=exited, status=78/CONFIG',
        'Nov 22 02:19:00 box systemd[812]: openclaw-gateway.service: Scheduled restart job, restart counter is at 27.',
      ].join('\n'),
    );
    const r = await runCli(['logs', 'scan', file, '--json'], { env });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.causes.map((c: { cause: string }) => c.cause)).toEqual(['restart-loop-mode-unset', 'mode-unset']);
    expect(out.matches.filter((m: { signature: string }) => m.signature === 'combo.restart-loop-mode-unset').map((m: { line: number; fact: string; file: string }) => [m.line, m.fact, m.file])).toEqual([
      [1, 'mode-unset', file],
      [3, 'restart-counter', file],
    ]);
  });

  it('scans a file and prints the --json shape of the issue; exit 1 for an error-severity cause', async () => {
    const file = path.join(dir, 'gateway.log');
    fs.writeFileSync(
      file,
      [
        'benign line',
        upstream('another gateway instance is already listening on ws://127.0.0.1:18789'),
        'Nov 22 02:18:55 box openclaw-gateway[4121]: heartbeat skipped reason=quiet-hours',
        upstream('[agent] tool exec failed for session s1'),
        upstream('[agent] tool exec failed for session s2'),
      ].join('\n'),
    );
    const r = await runCli(['logs', 'scan', file, '--json'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['scanned', 'matches', 'causes', 'unrecognized']);
    expect(out.scanned.lines).toBe(5);
    expect(out.matches[0]).toEqual({
      signature: 'gateway.port-in-use',
      cause: 'port-conflict',
      severity: 'error',
      line: 2,
      text: 'another gateway instance is already listening on ws://127.0.0.1:18789',
      evidence: { port: '18789' },
      file,
    });
    expect(out.causes.map((c: { cause: string }) => c.cause)).toEqual(['port-conflict', 'heartbeat-skipped']);
    expect(out.unrecognized).toEqual([{ template: '[agent] tool exec failed for session <num>', count: 2, example: '[agent] tool exec failed for session s1' }]);
  });

  it('prints causes with evidence and fix for people; exit 0 when nothing is at error severity', async () => {
    const file = path.join(dir, 'g.log');
    fs.writeFileSync(file, 'cron: scheduler disabled; jobs will not run automatically\n');
    const r = await runCli(['logs', 'scan', file], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning cron-disabled: Cron disabled (once)');
    expect(r.stdout).toContain(`${file}:1: cron: scheduler disabled`);
    expect(r.stdout).toContain('openclaw config set cron.enabled true');
    expect(r.stdout).toMatch(/1 known cause found in 1 line/);
  });

  it('reads stdin with -', async () => {
    const r = await runCli(['logs', 'scan', '-', '--json'], { env, input: 'unauthorized: device token mismatch (rotate/reissue device token)\n' });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.causes[0].cause).toBe('device-token-stale');
    expect(out.matches[0].file).toBeUndefined();
  });

  it('without FILE scans the state dir logs, upstream logging.file and the service logs', async () => {
    const logs = path.join(dir, 'state', 'logs');
    fs.mkdirSync(logs, { recursive: true });
    fs.writeFileSync(path.join(logs, 'openclaw-2026-11-22.log'), `${upstream('Refusing to bind gateway to lan without auth.')}\n`);
    fs.writeFileSync(path.join(logs, 'gateway.err.log'), 'Error: listen EADDRINUSE: address already in use :::18789\n');
    fs.writeFileSync(path.join(dir, 'upstream.log'), `${upstream('cron: timer tick failed')}\n`);
    const r = await runCli(['logs', 'scan', '--json'], { env });
    const out = JSON.parse(r.stdout);
    expect(out.causes.map((c: { cause: string; file: string }) => [c.cause, path.basename(c.file)]).sort()).toEqual([
      ['bind-without-auth', 'openclaw-2026-11-22.log'],
      ['cron-not-firing', 'upstream.log'],
      ['port-conflict', 'gateway.err.log'],
    ]);
  });

  it('says where it looked when there are no logs', async () => {
    const r = await runCli(['logs', 'scan'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('No gateway logs found');
    expect(r.stderr).toContain(path.join(dir, 'state', 'logs', 'gateway.log'));
    expect(r.stderr).toContain(path.join(dir, 'upstream.log'));
  });

  it('usage errors exit 2 with a clear message and no stack trace', async () => {
    const missing = await runCli(['logs', 'scan', path.join(dir, 'nope.log')], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    const since = await runCli(['logs', 'scan', '-', '--since', 'yesterday'], { env });
    expect(since.code).toBe(2);
    expect(since.stderr).toContain('--since expects a duration');
    for (const r of [missing, since]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--since keeps only recent lines', async () => {
    const file = path.join(dir, 's.log');
    const old = new Date(Date.now() - 3 * 3_600_000).toISOString();
    const recent = new Date(Date.now() - 60_000).toISOString();
    fs.writeFileSync(file, `${old} Error: listen EADDRINUSE :::18789\n${recent} gateway did not become ready\n`);
    const r = await runCli(['logs', 'scan', file, '--since', '1h', '--json'], { env });
    expect(JSON.parse(r.stdout).causes.map((c: { cause: string }) => c.cause)).toEqual(['restart-health-timeout']);
  });

  it('--follow prints new matches as they are appended and exits on SIGINT', async () => {
    const file = path.join(dir, 'f.log');
    fs.writeFileSync(file, 'heartbeat skipped reason=no-tasks-due\n');
    const child = spawnCli(['logs', 'scan', file, '--follow'], env, 'ignore');
    let stdout = '';
    const seen = (text: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timeout waiting for ${text}; got: ${stdout}`)), 10_000);
        const check = () => {
          if (stdout.includes(text)) {
            clearTimeout(timer);
            child.stdout!.off('data', onData);
            resolve();
          }
        };
        const onData = (d: Buffer) => {
          stdout += d;
          check();
        };
        child.stdout!.on('data', onData);
        check();
      });
    await seen('known cause found');
    fs.appendFileSync(file, 'gateway already running (pid 4242); lock timeout after 5000ms\n');
    await seen('stale-lock');
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(1);
    expect(stdout).toMatch(/error stale-lock .*f\.log:2 gateway already running/);
  });
});

describe("a real gateway's daily log elsewhere (OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR)", () => {
  it('logs scan and the doctor read it there, e.g. a container /tmp mounted on the host', async () => {
    fs.writeFileSync(path.join(dir, 'state', 'openclaw.json'), JSON.stringify({ gateway: { port: 1 } })); // no logging.file: the default sources
    const mounted = path.join(dir, 'container-tmp', 'openclaw');
    fs.mkdirSync(mounted, { recursive: true });
    const day = new Date().toISOString().slice(0, 10);
    fs.writeFileSync(path.join(mounted, `openclaw-${day}.log`), `${upstream('Gateway start blocked: existing config is missing gateway.mode. Treat this as suspicious or clobbered config.')}\n`);
    const at = { ...env, OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR: mounted };

    const scan = await runCli(['logs', 'scan', '--json'], { env: at });
    expect(JSON.parse(scan.stdout).causes.map((c: { cause: string }) => c.cause)).toEqual(['mode-unset']);
    const doctor = await runCli(['doctor', '--json', '--only', 'logs'], { env: at });
    expect(JSON.parse(doctor.stdout).findings).toEqual([expect.objectContaining({ checkId: 'logs/known-signatures', cause: 'mode-unset', evidence: [expect.objectContaining({ source: `${path.join(mounted, `openclaw-${day}.log`)}:1` })] })]);

    // Without it, the same run does not see that folder.
    expect(JSON.parse((await runCli(['logs', 'scan', '--json'], { env })).stdout).causes).toEqual([]);
  });
});
