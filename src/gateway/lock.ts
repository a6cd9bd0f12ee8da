// Taking the single-instance lock (path and state from src/system/gateway-lock.ts): check the lock
// folder is ours alone, create the lock exclusively with our pid, clear a stale one (owner gone, or a
// live pid that is not the gateway that wrote it), wait a little for a live gateway, then give up.
import fs from 'node:fs';
import path from 'node:path';
import { ensureLockDir, lockPathFor, readLock } from '../system/gateway-lock.js';

export class LockHeldError extends Error {
  constructor(
    readonly pid: number,
    readonly timeoutMs: number,
    readonly file: string,
  ) {
    super(`gateway already running (pid ${pid}); lock timeout after ${timeoutMs}ms`);
  }
}

export interface HeldLock {
  path: string;
  /** The stale lock that was cleared, if any: its pid and why it was stale. */
  clearedStale?: { pid: number; reason: string };
  release(): void;
}

export async function acquireLock(configPath: string, timeoutMs: number): Promise<HeldLock> {
  const file = lockPathFor(configPath);
  ensureLockDir(path.dirname(file));
  const deadline = Date.now() + timeoutMs;
  let clearedStale: HeldLock['clearedStale'];
  for (;;) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, createdAt: new Date().toISOString(), configPath }));
      fs.closeSync(fd);
      return {
        path: file,
        clearedStale,
        release() {
          const cur = readLock(file);
          if (cur.state !== 'absent' && (cur.state === 'unreadable' || cur.lock.pid === process.pid)) fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const state = readLock(file);
    if (state.state === 'stale' || (state.state === 'held' && state.lock.pid === process.pid)) {
      if (state.state === 'stale') clearedStale = { pid: state.lock.pid, reason: state.reason ?? 'its owner is gone' };
      fs.rmSync(file, { force: true });
      continue;
    }
    if (state.state === 'unreadable') {
      // A half-written lock from a crash: give its writer a moment, then treat it as stale.
      const age = Date.now() - fs.statSync(file, { throwIfNoEntry: false } as any)?.mtimeMs!;
      if (!(age < 2000)) {
        fs.rmSync(file, { force: true });
        continue;
      }
    }
    if (Date.now() >= deadline) throw new LockHeldError(state.state === 'held' ? state.lock.pid : 0, timeoutMs, file);
    await new Promise((r) => setTimeout(r, 100));
  }
}
