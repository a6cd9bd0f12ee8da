// Identity of live processes, against real ones: a lock's pid is its gateway only when the command
// line is a gateway's and it started no later than the lock; the lock folder must be ours alone.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureLockDir, LockDirUnsafeError, readLock } from '../../src/system/gateway-lock.js';
import { identifyLockOwner, readProcess } from '../../src/system/process-identity.js';
import { stop } from '../helpers/processes.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function track(child: ChildProcess): number {
  cleanups.push(() => stop(child));
  return child.pid!;
}

/** A process whose title is the real gateway's (what `ps` and /proc show for it). */
async function gatewayTitled(): Promise<number> {
  const child = spawn(process.execPath, ['-e', "process.title='openclaw-gateway';console.log('up');setInterval(()=>{},1000)"], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('helper did not start')), 10_000);
    child.stdout!.once('data', () => (clearTimeout(t), resolve()));
  });
  return track(child);
}

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-identity-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('readProcess', () => {
  it('reads the command line and a start time no later than now', () => {
    const me = readProcess(process.pid)!;
    expect(me.command).toContain(path.basename(process.execPath));
    expect(me.startedAtMs).toBeLessThanOrEqual(Date.now() + 2000);
    expect(me.startedAtMs).toBeGreaterThan(Date.now() - process.uptime() * 1000 - 3000);
  });

  it('is undefined for a pid that does not exist', () => {
    expect(readProcess(2 ** 22 + 12345)).toBeUndefined();
  });
});

describe('identifyLockOwner', () => {
  it('sleep 300 is not a gateway, and the reason names its command', () => {
    const pid = track(spawn('sleep', ['300'], { stdio: 'ignore' }));
    const id = identifyLockOwner(pid, new Date().toISOString());
    expect(id).toMatchObject({ gateway: false, reason: `pid ${pid} is not an OpenClaw gateway (sleep 300)` });
  });

  it('a gateway that started before the lock wrote it; one that started after did not', async () => {
    const pid = await gatewayTitled();
    expect(identifyLockOwner(pid, new Date().toISOString())).toMatchObject({ gateway: true, info: { command: 'openclaw-gateway' } });
    expect(identifyLockOwner(pid, '2020-01-01T00:00:00.000Z')).toMatchObject({ gateway: false, reason: expect.stringContaining('started after the lock was written') });
  });

  it('readLock: a live pid that is not the gateway makes the lock stale, with the reason', () => {
    const pid = track(spawn('sleep', ['300'], { stdio: 'ignore' }));
    const file = path.join(tempDir(), 'gateway.x.lock');
    fs.writeFileSync(file, JSON.stringify({ pid, createdAt: new Date().toISOString(), configPath: '/c' }));
    expect(readLock(file)).toMatchObject({ state: 'stale', ownerAlive: true, reason: expect.stringContaining('sleep 300') });
  });
});

describe('ensureLockDir', () => {
  it('creates the folder 0700', () => {
    const dir = path.join(tempDir(), 'openclaw-0');
    ensureLockDir(dir);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('refuses a folder writable by others, saying its mode and what to do', () => {
    const dir = path.join(tempDir(), 'openclaw-0');
    fs.mkdirSync(dir);
    fs.chmodSync(dir, 0o777);
    expect(() => ensureLockDir(dir)).toThrow(LockDirUnsafeError);
    expect(() => ensureLockDir(dir)).toThrow(`gateway lock folder ${dir} is writable by other users (mode 0777); remove it`);
    fs.chmodSync(dir, 0o770);
    expect(() => ensureLockDir(dir)).toThrow('(mode 0770)');
  });

  // Tests run as root here: chown hands the folder to nobody (65534).
  it('refuses a folder owned by another user, naming them', () => {
    const dir = path.join(tempDir(), 'openclaw-0');
    fs.mkdirSync(dir, { mode: 0o700 });
    fs.chownSync(dir, 65534, 65534);
    expect(() => ensureLockDir(dir)).toThrow(/is owned by (user \S+ \()?uid 65534\)?, not by you \(uid 0\)/);
  });

  it('refuses a symbolic link in place of the folder', () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'elsewhere'), { mode: 0o700 });
    fs.symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'openclaw-0'));
    expect(() => ensureLockDir(path.join(root, 'openclaw-0'))).toThrow('is a symbolic link');
  });
});
