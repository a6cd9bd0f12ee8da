// One exclusive write lock per config file, so concurrent writers (CLI, doctor --fix, --undo, the
// gateway) never lose each other's updates: every read-modify-write runs inside withConfigWriteLock.
//
// Why not proper-lockfile: it judges staleness by mtime and needs a refresh timer, it records no
// owner pid (so it cannot say who holds the lock), and it is asynchronous while every config writer
// here is synchronous. The semantics needed are small: O_EXCL create, owner pid, dead-owner recovery.
import fs from 'node:fs';
import path from 'node:path';
import { pidAlive } from '../system/gateway-lock.js';
import { ConfigBusyError } from './write-errors.js';

export { ConfigBusyError };

const DEFAULT_TIMEOUT_MS = 10_000;
/** A lock file without a readable owner is only judged abandoned after this long (its writer may be mid-create). */
const UNREADABLE_GRACE_MS = 2_000;

export function configLockPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}

// Locks this process holds, by lock path, with a depth so that a writer called inside an update re-enters.
const held = new Map<string, number>();

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

interface Owner {
  pid?: number;
  ino: number;
  ageMs: number;
}

/** Reads the lock's owner without following a symlink (O_NOFOLLOW): a planted link is never read or trusted. */
function readOwner(lock: string): Owner | undefined | 'symlink' {
  let fd: number;
  try {
    fd = fs.openSync(lock, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP') return 'symlink';
    throw err;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return 'symlink';
    const text = st.size < 4096 ? fs.readFileSync(fd, 'utf8') : '';
    let pid: number | undefined;
    try {
      const v = JSON.parse(text) as { pid?: unknown };
      if (typeof v.pid === 'number') pid = v.pid;
    } catch {
      /* being written, or torn: judged by age below */
    }
    return { pid, ino: st.ino, ageMs: Date.now() - st.mtimeMs };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Removes a lock whose owner is dead. Renaming it away first (atomic) and checking that the renamed
 * file is the one judged stale keeps two recovering writers from deleting a fresh lock taken between.
 */
function breakStale(lock: string, stale: Owner): void {
  const aside = `${lock}.stale.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    fs.renameSync(lock, aside);
  } catch {
    return; // someone else broke it first
  }
  const st = fs.lstatSync(aside);
  if (st.ino !== stale.ino) {
    // We took a live lock by mistake: put it back unless a newer one already stands there.
    try {
      fs.linkSync(aside, lock);
    } catch {
      /* a newer lock exists; its owner and the restored one can no longer both hold it */
    }
  }
  fs.rmSync(aside, { force: true });
}

function tryCreate(lock: string): boolean {
  let fd: number;
  try {
    // O_EXCL with O_CREAT fails on any existing name, a symlink included, so a link is never followed.
    fd = fs.openSync(lock, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    fs.writeSync(fd, JSON.stringify({ pid: process.pid, createdAt: new Date().toISOString() }));
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

function acquire(lock: string, timeoutMs: number): void {
  const deadline = Date.now() + timeoutMs;
  let delay = 2;
  for (;;) {
    if (tryCreate(lock)) return;
    const owner = readOwner(lock);
    if (owner === 'symlink') {
      throw new ConfigBusyError(lock, undefined, `${lock} is not a lock file (it is a symbolic link or special file); remove it and try again`);
    }
    if (owner) {
      const dead = owner.pid !== undefined ? owner.pid !== process.pid && !pidAlive(owner.pid) : owner.ageMs > UNREADABLE_GRACE_MS;
      if (dead) {
        breakStale(lock, owner);
        continue;
      }
    }
    if (Date.now() >= deadline) throw new ConfigBusyError(lock, owner?.pid);
    sleepSync(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 50);
  }
}

export interface LockOptions {
  /** How long to wait for another writer; OPENCLAW_CONFIG_LOCK_TIMEOUT_MS overrides the default. */
  timeoutMs?: number;
}

/** Runs fn while holding the config's write lock; re-entrant within a process. fn must re-read the config. */
export function withConfigWriteLock<T>(file: string, fn: () => T, opts: LockOptions = {}): T {
  const lock = configLockPath(file);
  const depth = held.get(lock) ?? 0;
  if (depth === 0) {
    fs.mkdirSync(path.dirname(lock), { recursive: true, mode: 0o700 });
    acquire(lock, opts.timeoutMs ?? (Number(process.env.OPENCLAW_CONFIG_LOCK_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS));
  }
  held.set(lock, depth + 1);
  try {
    return fn();
  } finally {
    if (depth === 0) {
      held.delete(lock);
      fs.rmSync(lock, { force: true });
    } else held.set(lock, depth);
  }
}
