// The doctor against real processes: a port held by another process, a stale lock left by a
// killed gateway, and a hung gateway of this config stopped by `--fix --yes`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import portConflict from '../../checks/gateway/port-conflict.js';
import { runDoctor } from '../../src/engine/doctor.js';
import { resolvePaths } from '../../src/config/paths.js';
import { lockPathFor, pidAlive } from '../../src/system/gateway-lock.js';
import { runCli } from '../helpers/cli-sync.js';
import { deadPid, startListener, startStartingGateway, type Listener } from '../helpers/processes.js';

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

async function listener(): Promise<Listener> {
  const l = await startListener();
  cleanups.push(() => l.kill());
  return l;
}

describe('port held by another real process', () => {
  it('names the holder by pid and command line, and --fix --yes leaves a foreign process alone', async () => {
    const l = await listener();
    const m = machine({ port: l.port });
    const r = runCli(['doctor', '--json'], m.env);
    expect(r.code).toBe(1);
    const f = r.json().findings.find((x: any) => x.checkId === 'gateway/port-conflict');
    expect(f).toMatchObject({ severity: 'error', message: expect.stringContaining(`pid ${l.pid}`) });
    expect(f.evidence[0]).toEqual({ kind: 'process', source: `pid ${l.pid}`, value: expect.stringContaining("require('net').createServer") });
    expect(r.json().findings.map((x: any) => x.checkId)).not.toContain('gateway/not-running');

    runCli(['doctor', '--fix', '--yes', '--json'], m.env);
    expect(pidAlive(l.pid)).toBe(true);
  });

  it('stops a hung gateway of this config (its lock names it) only with --yes, and verifies the port is free', async () => {
    const l = await listener();
    const m = machine({ port: l.port });
    fs.mkdirSync(path.dirname(m.lockPath), { recursive: true });
    fs.writeFileSync(m.lockPath, JSON.stringify({ pid: l.pid, createdAt: new Date().toISOString(), configPath: m.configPath }));
    // The real client would time out on a process that never completes a handshake.
    const hung = async (o: { url: string }) => ({ ok: false, url: o.url, durationMs: 300, connect: { ok: false, rpcOk: false, error: { kind: 'timeout' as const, message: 'handshake timed out' } }, warnings: [] });
    const opts = { checks: [portConflict], paths: resolvePaths({ env: m.env }), env: m.env, tmpdir: m.root, timeoutMs: 1500, probe: hung };

    const asked = await runDoctor({ ...opts, fix: true });
    expect(asked.report.fixes).toEqual([expect.objectContaining({ checkId: 'gateway/port-conflict', status: 'skipped' })]);
    expect(pidAlive(l.pid)).toBe(true);

    const r = await runDoctor({ ...opts, fix: true, yes: true });
    expect(r.report.fixes).toEqual([expect.objectContaining({ status: 'applied', verified: true, operations: [expect.objectContaining({ op: 'port.free', pid: l.pid, port: l.port })] })]);
    expect(pidAlive(l.pid)).toBe(false);
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
    expect(fixed.fixes).toEqual([expect.objectContaining({ checkId: 'gateway/stale-lock', status: 'applied', verified: true })]);
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
