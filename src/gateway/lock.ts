// Taking the single-instance lock (path and state from src/system/gateway-lock.ts): create it
// exclusively with our pid, clear a dead owner's lock, wait a little for a live one, then give up.
import fs from 'node:fs';
import path from 'node:path';
import { lockPathFor, readLock } from '../system/gateway-lock.js';

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
  /** The pid of a dead owner whose lock was cleared, if any. */
  clearedStalePid?: number;
  release(): void;
}

export async function acquireLock(configPath: string, timeoutMs: number): Promise<HeldLock> {
  const file = lockPathFor(configPath);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const deadline = Date.now() + timeoutMs;
  let clearedStalePid: number | undefined;
  for (;;) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, createdAt: new Date().toISOString(), configPath }));
      fs.closeSync(fd);
      return {
        path: file,
        clearedStalePid,
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
      if (state.lock.pid !== process.pid) clearedStalePid = state.lock.pid;
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
