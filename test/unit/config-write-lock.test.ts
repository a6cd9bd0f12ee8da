// The config write lock: exclusive, re-entrant in-process, recovers a dead owner's lock, refuses a
// symlink in its place, and after a bounded wait names the pid that holds it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigBusyError, configLockPath, withConfigWriteLock } from '../../src/config/write-lock.js';
import { tempDir } from '../helpers/cli.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = tempDir('oc-lock-');
  file = path.join(dir, 'openclaw.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('withConfigWriteLock', () => {
  it('holds a lock file with the owner pid while fn runs, re-enters, and removes it after', () => {
    const lock = configLockPath(file);
    const seen = withConfigWriteLock(file, () => {
      const owner = JSON.parse(fs.readFileSync(lock, 'utf8'));
      withConfigWriteLock(file, () => expect(fs.existsSync(lock)).toBe(true));
      expect(fs.existsSync(lock)).toBe(true); // the inner release did not drop the outer hold
      return owner.pid;
    });
    expect(seen).toBe(process.pid);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('releases the lock when fn throws', () => {
    expect(() => withConfigWriteLock(file, () => { throw new Error('boom'); })).toThrow('boom');
    expect(fs.existsSync(configLockPath(file))).toBe(false);
  });

  it('takes over a lock whose owner is dead', () => {
    const dead = spawnSync('true').pid;
    fs.writeFileSync(configLockPath(file), JSON.stringify({ pid: dead, createdAt: new Date().toISOString() }));
    expect(withConfigWriteLock(file, () => 'ran', { timeoutMs: 500 })).toBe('ran');
  });

  it('waits a bounded time for a live owner, then says which pid is writing', () => {
    const owner = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(configLockPath(file), JSON.stringify({ pid: owner.pid, createdAt: new Date().toISOString() }));
      const started = Date.now();
      let err: unknown;
      try {
        withConfigWriteLock(file, () => 'never', { timeoutMs: 300 });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigBusyError);
      expect((err as Error).message).toContain(`being written by pid ${owner.pid}`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(fs.existsSync(configLockPath(file))).toBe(true); // a live owner's lock is never removed
    } finally {
      owner.kill('SIGKILL');
    }
  });

  it('never follows a symlink planted as the lock', () => {
    const victim = path.join(dir, 'victim');
    fs.writeFileSync(victim, 'keep me');
    fs.symlinkSync(victim, configLockPath(file));
    expect(() => withConfigWriteLock(file, () => 'never', { timeoutMs: 200 })).toThrow(/not a lock file/);
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me');
    expect(fs.lstatSync(configLockPath(file)).isSymbolicLink()).toBe(true);
  });
});
