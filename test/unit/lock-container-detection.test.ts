// Two things the real OpenClaw 2026.9.6 decides that the doctor must see as it does: where its
// single-instance lock lives (under the state dir now, the tmpdir before: both are read), and
// whether it runs in a container (then an unset gateway.bind is 0.0.0.0, refused without auth).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bindHost, defaultBindMode, resolveBind } from '../../src/config/gateway-settings.js';
import { collectLock } from '../../src/facts/lock.js';
import { containerMarker, inContainer } from '../../src/system/container.js';
import { lockPathFor, lockPathsFor } from '../../src/system/gateway-lock.js';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function scratch() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lock-loc-'));
  dirs.push(root);
  const stateDir = path.join(root, 'state');
  const tmpdir = path.join(root, 'tmp');
  fs.mkdirSync(stateDir, { recursive: true });
  fs.mkdirSync(tmpdir);
  return { stateDir, tmpdir, configPath: path.join(stateDir, 'openclaw.json') };
}

function writeLock(file: string, pid: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, JSON.stringify({ pid, createdAt: new Date().toISOString(), configPath: 'x', port: 28999 }), { mode: 0o600 });
}

describe('gateway lock locations', () => {
  it('names the state-dir folder 2026.9.6 uses first, then the tmpdir one', () => {
    const s = scratch();
    const uid = process.getuid?.() ?? 0;
    const [inState, inTmp] = lockPathsFor(s.configPath, s.stateDir, { tmpdir: s.tmpdir });
    expect(inTmp).toBe(lockPathFor(s.configPath, { tmpdir: s.tmpdir }));
    expect(inState).toBe(path.join(s.stateDir, 'tmp', `openclaw-${uid}`, path.basename(inTmp)));
  });

  it('finds a lock held under the state dir (the doctor read only the tmpdir one before)', () => {
    const s = scratch();
    const [inState] = lockPathsFor(s.configPath, s.stateDir, { tmpdir: s.tmpdir });
    writeLock(inState, process.pid); // our own pid: held without needing a gateway command line
    const lock = collectLock(s.configPath, s.tmpdir, s.stateDir);
    expect(lock).toMatchObject({ state: 'held', path: inState, lock: { pid: process.pid, port: 28999 } });
  });

  it('prefers a held lock over a stale one in the other folder, and reports a stale one when that is all there is', async () => {
    const s = scratch();
    const [inState, inTmp] = lockPathsFor(s.configPath, s.stateDir, { tmpdir: s.tmpdir });
    // A real process that exited: its pid is free (a recycled pid would make the lock "stale" too).
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.once('exit', r));
    writeLock(inTmp, dead.pid!);
    expect(collectLock(s.configPath, s.tmpdir, s.stateDir)).toMatchObject({ state: 'stale', path: inTmp });
    writeLock(inState, process.pid);
    expect(collectLock(s.configPath, s.tmpdir, s.stateDir)).toMatchObject({ state: 'held', path: inState });
  });

  it('is absent when neither folder has a lock', () => {
    const s = scratch();
    expect(collectLock(s.configPath, s.tmpdir, s.stateDir).state).toBe('absent');
  });

  it('calls a live process that is not a gateway stale (upstream reclaims it too)', async () => {
    const s = scratch();
    const [inState] = lockPathsFor(s.configPath, s.stateDir, { tmpdir: s.tmpdir });
    const sleeper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    children.push(sleeper);
    writeLock(inState, sleeper.pid!);
    expect(collectLock(s.configPath, s.tmpdir, s.stateDir)).toMatchObject({ state: 'stale', ownerAlive: true, path: inState });
  });
});

describe('container detection', () => {
  it('sees /.dockerenv, as upstream does (this machine may have one)', () => {
    const marker = containerMarker({});
    if (fs.existsSync('/.dockerenv')) expect(marker).toEqual({ name: 'docker', evidence: '/.dockerenv' });
    expect(inContainer({})).toBe(marker !== undefined);
  });

  it('takes OPENCLAW_IN_CONTAINER=1/0 over the markers, and $container / Fly as markers', () => {
    expect(inContainer({ OPENCLAW_IN_CONTAINER: '1' })).toBe(true);
    expect(inContainer({ OPENCLAW_IN_CONTAINER: '0', container: 'podman' })).toBe(false);
    expect(inContainer({ container: 'podman' })).toBe(true);
    expect(inContainer({ FLY_MACHINE_ID: 'm', FLY_APP_NAME: 'a' })).toBe(true);
  });

  it('an unset bind is auto (0.0.0.0) in a container, loopback outside one or with Tailscale serve', () => {
    const inside = { OPENCLAW_IN_CONTAINER: '1' };
    const outside = { OPENCLAW_IN_CONTAINER: '0' };
    expect(defaultBindMode({}, inside)).toBe('auto');
    expect(bindHost(defaultBindMode({}, inside), {}, { env: inside })).toBe('0.0.0.0');
    expect(defaultBindMode({}, outside)).toBe('loopback');
    expect(defaultBindMode({ gateway: { tailscale: { mode: 'serve' } } }, inside)).toBe('loopback');
    // A set bind is the set bind; our own gateway keeps loopback as its default.
    expect(resolveBind({ gateway: { bind: 'lan' } }, {}, 'auto').value).toBe('lan');
    expect(resolveBind({}, {}).value).toBe('loopback');
    expect(resolveBind({}, {}, 'auto')).toMatchObject({ value: 'auto', source: 'default' });
  });
});
