// The doctor and `gateway stop|restart|run` against real processes: a port held by another process,
// a stale lock left by a killed gateway, a lock naming a reused pid, a lock folder someone else owns,
// and a hung gateway of this config stopped by `--fix --yes`. Nothing that is not identified as a
// gateway (command line, start time vs the lock, handshake) is ever signalled.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import portConflict from '../../checks/gateway/port-conflict.js';
import { runDoctor } from '../../src/engine/doctor.js';
import { resolvePaths } from '../../src/config/paths.js';
import { lockPathFor } from '../../src/system/gateway-lock.js';
import { processGone } from '../../src/system/process-stop.js';
import { CLI, runCli } from '../helpers/cli-sync.js';
import { deadPid, startHttpServer, startHungGateway, startListener, startSleep, startStartingGateway, stop as stopChild, type Listener } from '../helpers/processes.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A live machine: a temp state dir with a config, TMPDIR inside it (for the lock), no recorded facts. */
function machine(gateway: Record<string, unknown>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'doctor-e2e-'));
  cleanups.push(() => fs.rmSync(root, { recursive: true, force: true }));
  const stateDir = path.join(root, 'state');
  fs.mkdirSync(stateDir, { mode: 0o700 });
  const configPath = path.join(stateDir, 'openclaw.json');
  fs.writeFileSync(configPath, `${JSON.stringify({ gateway: { mode: 'local', bind: 'loopback', auth: { mode: 'token', token: 'e2e-token-0123456789abcdef' }, ...gateway } }, null, 2)}\n`, { mode: 0o600 });
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, NO_COLOR: '1', HOME: root, TMPDIR: root, OPENCLAW_STATE_DIR: stateDir, OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR: process.env.OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR };
  return { root, stateDir, configPath, env, lockPath: lockPathFor(configPath, { tmpdir: root }) };
}

/** Our gateway from dist, in the background, for the machine's environment. */
function spawnGateway(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [CLI, 'gateway', 'run'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (d) => (text += d));
  child.stderr!.on('data', (d) => (text += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(() => stopChild(child));
  return { child, exited, output: () => text };
}

async function waitForOutput(gw: { output(): string }, re: RegExp, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!re.test(gw.output())) {
    if (Date.now() > until) throw new Error(`no ${re} in: ${gw.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function track(l: Promise<Listener>): Promise<Listener> {
  const started = await l;
  cleanups.push(() => started.kill());
  return started;
}

function plantLock(m: ReturnType<typeof machine>, pid: number, createdAt = new Date().toISOString()): string {
  fs.mkdirSync(path.dirname(m.lockPath), { recursive: true, mode: 0o700 });
  const text = JSON.stringify({ pid, createdAt, configPath: m.configPath });
  fs.writeFileSync(m.lockPath, text);
  return text;
}

/** Alive and not a zombie: a killed child of this process stays visible to kill -0 until it is reaped. */
const running = (pid: number) => !processGone(pid);

async function exitedWithin(l: Listener, ms: number): Promise<boolean> {
  if (l.child.exitCode !== null || l.child.signalCode !== null) return true;
  return Promise.race([new Promise<boolean>((r) => l.child.once('exit', () => r(true))), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
}

/** A port from the OS that is free again: nothing listens on the configured port. */
async function freePort(): Promise<number> {
  const l = await startListener();
  await l.kill();
  return l.port;
}

// The real client would time out on a process that never completes a handshake.
const hung = async (o: { url: string }) => ({ ok: false, url: o.url, durationMs: 300, connect: { ok: false, rpcOk: false, error: { kind: 'timeout' as const, message: 'handshake timed out' } }, warnings: [] });

describe('port held by another real process', () => {
  it('names the holder by pid and command line (secrets redacted), and --fix --yes leaves a foreign process alone', async () => {
    const secret = 'S3cret-on-the-command-line-0123456789';
    const l = await track(startListener(['--', '--token', secret, '--password=hunter2-hunter2']));
    const m = machine({ port: l.port });
    const r = runCli(['doctor', '--json'], m.env);
    expect(r.code).toBe(1);
    const f = r.json().findings.find((x: any) => x.checkId === 'gateway/port-conflict');
    expect(f).toMatchObject({ severity: 'error', message: expect.stringContaining(`Port ${l.port} is held by pid ${l.pid} (`) });
    expect(f.message).toContain('which is not an OpenClaw gateway');
    expect(f.evidence[0]).toEqual({ kind: 'process', source: `pid ${l.pid}`, value: expect.stringContaining("require('net').createServer") });
    expect(f.evidence[0].value).toContain('--token *** --password=***');
    expect(r.json().findings.map((x: any) => x.checkId)).not.toContain('gateway/not-running');
    const human = runCli(['doctor'], m.env);
    for (const out of [r.stdout, human.stdout, human.stderr]) {
      expect(out).not.toContain(secret);
      expect(out).not.toContain('hunter2-hunter2');
    }

    runCli(['doctor', '--fix', '--yes', '--json'], m.env);
    expect(running(l.pid)).toBe(true);
  });

  it('a python http.server that inherited OPENCLAW_STATE_DIR is foreign: reported with its command, never killed', async () => {
    const m = machine({});
    const py = await track(startHttpServer({ PATH: process.env.PATH, HOME: m.root, OPENCLAW_STATE_DIR: m.stateDir, OPENCLAW_CONFIG_PATH: m.configPath }));
    const config = JSON.parse(fs.readFileSync(m.configPath, 'utf8'));
    fs.writeFileSync(m.configPath, JSON.stringify({ ...config, gateway: { ...config.gateway, port: py.port } }));

    const r = runCli(['doctor', '--json'], m.env);
    const f = r.json().findings.find((x: any) => x.checkId === 'gateway/port-conflict');
    expect(f.message).toContain(`Port ${py.port} is held by pid ${py.pid} (`);
    expect(f.message).toContain('http.server');
    expect(f.message).toContain('not an OpenClaw gateway');
    expect(f.message).not.toContain('A gateway of this config');
    expect(f.fix).toBeUndefined();

    const fixed = runCli(['doctor', '--fix', '--yes', '--json'], m.env).json();
    expect(fixed.fixes.filter((x: any) => x.checkId === 'gateway/port-conflict')).toEqual([expect.objectContaining({ status: 'skipped', operations: [] })]);
    expect(running(py.pid)).toBe(true);
    // `gateway --force` leaves it alone too and says why; the port stays taken.
    const forced = runCli(['gateway', 'run', '--force'], m.env, { timeoutMs: 20_000 });
    expect(forced.code).not.toBe(0);
    expect(forced.stdout + forced.stderr).toContain(`by pid ${py.pid}: `);
    expect(running(py.pid)).toBe(true);
    const status = runCli(['gateway', 'status', '--json'], m.env).json();
    expect(status.runtime.status).toBe('stopped');
  });

  it('stops a hung gateway of this config (its lock names it, it sends the challenge) only with --yes, and verifies the port is free', async () => {
    const gw = await track(startHungGateway({ challenge: true }));
    const m = machine({ port: gw.port });
    plantLock(m, gw.pid);
    const opts = { checks: [portConflict], paths: resolvePaths({ env: m.env }), env: m.env, tmpdir: m.root, timeoutMs: 1500, probe: hung };

    const asked = await runDoctor({ ...opts, fix: true });
    expect(asked.report.fixes).toEqual([expect.objectContaining({ checkId: 'gateway/port-conflict', status: 'skipped' })]);
    expect(running(gw.pid)).toBe(true);

    const r = await runDoctor({ ...opts, fix: true, yes: true });
    expect(r.report.fixes).toEqual([expect.objectContaining({ status: 'applied', verified: true, operations: [expect.objectContaining({ op: 'port.free', pid: gw.pid, port: gw.port })] })]);
    // It was our child: it is gone once it has exited (until this process reaps it, kill -0 still sees a zombie).
    expect(await exitedWithin(gw, 5000)).toBe(true);
  });

  it('a gateway command line that does not answer the handshake is named, not stopped', async () => {
    const gw = await track(startHungGateway({ challenge: false }));
    const m = machine({ port: gw.port });
    plantLock(m, gw.pid);
    const opts = { checks: [portConflict], paths: resolvePaths({ env: m.env }), env: m.env, tmpdir: m.root, timeoutMs: 1500, probe: hung, fix: true, yes: true };
    const r = await runDoctor(opts);
    expect(r.report.findings).toEqual([expect.objectContaining({ checkId: 'gateway/port-conflict', message: expect.stringContaining(`held by pid ${gw.pid} (openclaw-gateway): its command line is an OpenClaw gateway's, but it does not answer the gateway handshake`), fix: undefined })]);
    expect(r.report.fixes?.flatMap((f) => f.operations) ?? []).toEqual([]);
    expect(running(gw.pid)).toBe(true);
  });

  it('a plain process whose pid is in the lock is not this config\'s gateway: reported, never stopped', async () => {
    const l = await track(startListener());
    const m = machine({ port: l.port });
    plantLock(m, l.pid);
    const r = await runDoctor({ checks: [portConflict], paths: resolvePaths({ env: m.env }), env: m.env, tmpdir: m.root, timeoutMs: 1500, probe: hung, fix: true, yes: true });
    expect(r.report.findings).toEqual([expect.objectContaining({ message: expect.stringContaining(`held by pid ${l.pid} (`), fix: undefined })]);
    expect(r.report.findings[0].message).toContain('not an OpenClaw gateway');
    expect(running(l.pid)).toBe(true);
  });
});

describe('a lock naming a live process that is not a gateway (pid reuse after a crash)', () => {
  it('gateway stop and restart do not signal it and say why; doctor --fix clears the lock file only', async () => {
    const m = machine({ port: await freePort() });
    const sleeper = startSleep();
    cleanups.push(() => sleeper.kill());
    plantLock(m, sleeper.pid);

    const stop = runCli(['gateway', 'stop'], m.env);
    expect(stop.code).toBe(0);
    expect(stop.stdout).toContain(`Gateway is not running (stale lock of pid ${sleeper.pid}: pid ${sleeper.pid} is not an OpenClaw gateway (sleep 300); it was not signalled.`);
    expect(runCli(['gateway', 'stop', '--json'], m.env).json()).toMatchObject({ stopped: false, lockPid: sleeper.pid, signalled: false });
    const doctor = runCli(['doctor', '--json'], m.env).json();
    expect(doctor.findings.find((f: any) => f.checkId === 'gateway/stale-lock').message).toContain(`names pid ${sleeper.pid}, which runs but is not the gateway that wrote the lock`);
    const fixed = runCli(['doctor', '--fix', '--yes', '--json'], m.env).json();
    expect(fixed.fixes).toContainEqual(expect.objectContaining({ checkId: 'gateway/stale-lock', status: 'applied' }));
    expect(fs.existsSync(m.lockPath)).toBe(false);
    expect(running(sleeper.pid)).toBe(true);

    // restart over such a lock starts a gateway (systemctl semantics) and still never signals the pid.
    plantLock(m, sleeper.pid);
    const restart = runCli(['gateway', 'restart'], m.env);
    const started = /started it \(pid (\d+)/.exec(restart.stdout);
    if (started) cleanups.push(() => running(Number(started[1])) && process.kill(Number(started[1]), 'SIGKILL'));
    expect(restart.code, restart.stdout + restart.stderr).toBe(0);
    expect(restart.stdout).toContain('is not an OpenClaw gateway (sleep 300), not signalled); started it');
    expect(running(sleeper.pid)).toBe(true);
    expect(runCli(['gateway', 'stop', '--json'], m.env).json()).toMatchObject({ stopped: true, pid: Number(started![1]) });
  });

  it('the gateway starts over such a lock instead of "already running"', async () => {
    const m = machine({ port: await freePort() });
    plantLock(m, 1, '2020-01-01T00:00:00.000Z'); // pid 1: alive, not a gateway (init, or sleep in a container)
    const gw = spawnGateway(m.env);
    await waitForOutput(gw, /listening on ws:/);
    expect(gw.output()).toMatch(/removed stale gateway lock .*pid 1 .*not signalled/);
    expect(JSON.parse(fs.readFileSync(m.lockPath, 'utf8')).pid).toBe(gw.child.pid);
    // Our own gateway IS identified: gateway stop stops it.
    const stop = runCli(['gateway', 'stop'], m.env);
    expect(stop.stdout).toMatch(new RegExp(`Stopped gateway \\(pid ${gw.child.pid}\\) with SIG(TERM|KILL)`));
    expect(await gw.exited).toBe(0);
  });
});

describe('a lock folder someone else can write', () => {
  it.each([
    ['owned by another user', (dir: string) => fs.chownSync(dir, 65534, 65534), /is owned by (user \S+ \()?uid 65534\)?, not by you/],
    ['world-writable', (dir: string) => fs.chmodSync(dir, 0o777), /is writable by other users \(mode 0777\)/],
    ['group-writable', (dir: string) => fs.chmodSync(dir, 0o770), /is writable by other users \(mode 0770\)/],
  ])('%s: the gateway refuses with exit 78 and says whose it is and what to do', async (_name, spoil, said) => {
    const m = machine({ port: await freePort() });
    const dir = path.dirname(m.lockPath);
    fs.mkdirSync(dir, { mode: 0o700 });
    fs.writeFileSync(m.lockPath, JSON.stringify({ pid: 1, createdAt: new Date().toISOString(), configPath: m.configPath }));
    spoil(dir);
    const r = runCli(['gateway', 'run'], m.env);
    expect(r.code).toBe(78);
    expect(r.stderr).toContain(`gateway lock folder ${dir}`);
    expect(r.stderr).toMatch(said);
    expect(r.stderr).toContain('remove it');
    expect(r.stderr).not.toContain('already running');
    // The doctor says the same, and offers no repair that would delete the folder.
    const doctor = runCli(['doctor', '--json'], m.env).json();
    const f = doctor.findings.find((x: any) => x.checkId === 'gateway/lock-dir-unsafe');
    expect(f).toMatchObject({ severity: 'error', message: expect.stringMatching(said), fixHint: expect.stringContaining(`rm -r ${dir}`) });
    expect(f.fix).toBeUndefined();
  });
});

describe('stale lock of a killed gateway', () => {
  it('finds it, clears it with --fix, a second run is clean, and --undo puts it back', async () => {
    // Nothing may listen on the configured port here: use a port the OS handed out and that is free again.
    const freed = await startListener();
    await freed.kill();
    const m = machine({ port: freed.port });

    const pid = await deadPid();
    fs.mkdirSync(path.dirname(m.lockPath), { recursive: true });
    const lockText = JSON.stringify({ pid, createdAt: '2026-11-21T09:00:00.000Z', configPath: m.configPath });
    fs.writeFileSync(m.lockPath, lockText);

    const before = runCli(['doctor', '--json'], m.env).json();
    // Service checks read the live machine (no systemd here); this test is about the lock.
    expect(before.findings.map((f: any) => f.checkId).filter((id: string) => !id.startsWith('service/')).sort()).toEqual(['gateway/not-running', 'gateway/stale-lock', ...(before.findings.some((f: any) => f.checkId === 'system/node-version') ? ['system/node-version'] : [])].sort());
    const started = Date.now();
    const fixed = runCli(['doctor', '--fix', '--json'], m.env).json();
    expect(Date.now() - started).toBeLessThan(5000); // gateway down costs milliseconds, not upstream's 60 s
    // not-running repairs only a gateway of this config running elsewhere; here it says to start one.
    expect(fixed.fixes).toEqual([
      expect.objectContaining({ checkId: 'gateway/not-running', status: 'skipped', reason: expect.stringContaining('Start it') }),
      expect.objectContaining({ checkId: 'gateway/stale-lock', status: 'applied', verified: true }),
    ]);
    expect(fs.existsSync(m.lockPath)).toBe(false);
    expect(runCli(['doctor', '--json'], m.env).json().findings.map((f: any) => f.checkId)).not.toContain('gateway/stale-lock');

    expect(runCli(['doctor', '--undo'], m.env).code).toBe(0);
    expect(fs.readFileSync(m.lockPath, 'utf8')).toBe(lockText);
  });
});

describe('a real OpenClaw gateway that is still starting', () => {
  function tempHome(prefix: string): string {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    cleanups.push(() => fs.rmSync(home, { recursive: true, force: true }));
    return home;
  }

  /** The default layout ($HOME/.openclaw/openclaw.json, no OPENCLAW_* variables): how a real gateway is usually run. */
  function defaultLayout(home: string, port: number): NodeJS.ProcessEnv {
    fs.mkdirSync(path.join(home, '.openclaw'), { mode: 0o700 });
    const config = { gateway: { mode: 'local', port, bind: 'loopback', auth: { mode: 'token', token: 'e2e-token-0123456789abcdef' } } };
    fs.writeFileSync(path.join(home, '.openclaw', 'openclaw.json'), JSON.stringify(config), { mode: 0o600 });
    return { PATH: process.env.PATH, NO_COLOR: '1', HOME: home, TMPDIR: home, OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR: process.env.OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR };
  }

  it("is this config's gateway (found by its environment), not a port conflict: a warning to retry", async () => {
    const home = tempHome('doctor-e2e-home-');
    // Same HOME as the doctor's: the gateway reads the same ~/.openclaw/openclaw.json.
    const gw = await startStartingGateway({ PATH: process.env.PATH, HOME: home });
    cleanups.push(() => gw.kill());
    const env = defaultLayout(home, gw.port);

    const r = runCli(['doctor', '--json'], env);
    expect(r.code).toBe(0); // warnings only
    const ids = r.json().findings.map((x: any) => x.checkId);
    expect(ids).not.toContain('gateway/port-conflict');
    expect(ids).not.toContain('gateway/not-running');
    const f = r.json().findings.find((x: any) => x.checkId === 'gateway/rpc-probe-failed');
    expect(f).toMatchObject({ severity: 'warning', cause: 'gateway-starting', message: expect.stringContaining('"gateway starting; retry shortly" (reason: startup-sidecars)') });

    const probe = runCli(['gateway', 'probe', '--json'], env);
    expect(probe.json().connect.error).toMatchObject({ kind: 'unavailable', errorCode: 'UNAVAILABLE', retryable: true, retryAfterMs: 500 });
    const human = runCli(['gateway', 'probe'], env);
    expect(human.stdout + human.stderr).toContain('not ready yet');
    // It writes no lock this CLI reads: status finds it on the port.
    const status = runCli(['gateway', 'status', '--json'], env);
    expect(status.json().runtime).toMatchObject({ status: 'running', pid: gw.pid, foundOnPort: gw.port });
    expect(runCli(['gateway', 'status'], env).stdout).toContain(`Runtime: running (pid ${gw.pid}, found on port ${gw.port})`);
  });

  it('one serving another HOME is another gateway holding the port', async () => {
    const gw = await startStartingGateway({ PATH: process.env.PATH, HOME: tempHome('doctor-e2e-other-') });
    cleanups.push(() => gw.kill());
    const env = defaultLayout(tempHome('doctor-e2e-home-'), gw.port);

    const r = runCli(['doctor', '--json'], env);
    expect(r.code).toBe(1);
    const f = r.json().findings.find((x: any) => x.checkId === 'gateway/port-conflict');
    expect(f).toMatchObject({ severity: 'error', message: expect.stringContaining(`Another OpenClaw gateway (pid ${gw.pid})`) });
    expect(f.evidence[0]).toEqual({ kind: 'process', source: `pid ${gw.pid}`, value: 'openclaw-gateway' });
    expect(runCli(['gateway', 'status', '--json'], env).json().runtime.status).toBe('stopped'); // not this config's
  });
});
