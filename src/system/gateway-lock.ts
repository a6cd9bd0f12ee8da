// The gateway's single-instance lock, at the path upstream uses (reference §1):
// <tmpdir>/openclaw-<uid>/gateway.<first 8 hex of sha256(configPath)>.lock holding {pid, createdAt, configPath}.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface GatewayLock {
  pid: number;
  createdAt: string | number;
  configPath: string;
}

export type LockState =
  | { state: 'absent'; path: string }
  | { state: 'held'; path: string; lock: GatewayLock }
  | { state: 'stale'; path: string; lock: GatewayLock } // the owner pid is gone
  | { state: 'unreadable'; path: string; reason: string };

export function lockDir(opts: { tmpdir?: string; uid?: number } = {}): string {
  const uid = opts.uid ?? (typeof process.getuid === 'function' ? process.getuid() : 0);
  return path.join(opts.tmpdir ?? os.tmpdir(), `openclaw-${uid}`);
}

export function lockPathFor(configPath: string, opts: { tmpdir?: string; uid?: number } = {}): string {
  const hash = crypto.createHash('sha256').update(configPath).digest('hex').slice(0, 8);
  return path.join(lockDir(opts), `gateway.${hash}.lock`);
}

/** True when a process with this pid exists (EPERM means it exists but belongs to someone else). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(file: string): LockState {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { state: 'absent', path: file };
    return { state: 'unreadable', path: file, reason: code ?? String(err) };
  }
  let lock: GatewayLock;
  try {
    lock = JSON.parse(text);
  } catch {
    return { state: 'unreadable', path: file, reason: 'not JSON (a half-written lock)' };
  }
  if (!lock || typeof lock.pid !== 'number') return { state: 'unreadable', path: file, reason: 'no pid in the lock' };
  return { state: pidAlive(lock.pid) ? 'held' : 'stale', path: file, lock };
}
