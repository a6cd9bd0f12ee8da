// The gateway's single-instance lock, at the paths upstream uses (reference §1):
// gateway.<first 8 hex of sha256(configPath)>.lock holding {pid, createdAt, configPath}, in
// <stateDir>/tmp/openclaw-<uid>/ (2026.9.6) or <tmpdir>/openclaw-<uid>/ (older releases, and ours).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { said, type MessageRef } from '../i18n/index.js';
import { identifyLockOwner } from './process-identity.js';

export interface GatewayLock {
  pid: number;
  createdAt: string | number;
  configPath: string;
  /** The port it listens on (2026.9.6 writes it; its process title hides --port). */
  port?: number;
}

export type LockState =
  | { state: 'absent'; path: string }
  // Held by the OpenClaw gateway that wrote it: its command line and start time were checked.
  | { state: 'held'; path: string; lock: GatewayLock; ownerCommand?: string }
  // The owner pid is gone, or alive but not the gateway that wrote the lock (pid reuse): `reason` says
  // which (absent in facts recorded before the owner was identified).
  | { state: 'stale'; path: string; lock: GatewayLock; ownerAlive?: boolean; reason?: string; reasonRef?: MessageRef }
  | { state: 'unreadable'; path: string; reason: string };

export function lockDir(opts: { tmpdir?: string; uid?: number } = {}): string {
  const uid = opts.uid ?? (typeof process.getuid === 'function' ? process.getuid() : 0);
  return path.join(opts.tmpdir ?? os.tmpdir(), `openclaw-${uid}`);
}

export function lockPathFor(configPath: string, opts: { tmpdir?: string; uid?: number } = {}): string {
  const hash = crypto.createHash('sha256').update(configPath).digest('hex').slice(0, 8);
  return path.join(lockDir(opts), `gateway.${hash}.lock`);
}

/** Where a gateway may keep this config's lock: under the state dir first (what 2026.9.6 writes), then the tmpdir one. */
export function lockPathsFor(configPath: string, stateDir: string | undefined, opts: { tmpdir?: string; uid?: number } = {}): string[] {
  const inTmp = lockPathFor(configPath, opts);
  if (!stateDir) return [inTmp];
  return [path.join(stateDir, 'tmp', path.basename(path.dirname(inTmp)), path.basename(inTmp)), inTmp];
}

/** The lock in the first of those places that has one; absent (at the tmpdir path) when none does. */
export function findLock(configPath: string, stateDir: string | undefined, opts: { tmpdir?: string; uid?: number } = {}): LockState {
  const paths = lockPathsFor(configPath, stateDir, opts);
  const states = paths.map(readLock);
  return states.find((s) => s.state === 'held') ?? states.find((s) => s.state !== 'absent') ?? states.at(-1)!;
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
  if (!pidAlive(lock.pid)) {
    const { message, text } = said('system.lock-owner.gone', { pid: lock.pid });
    return { state: 'stale', path: file, lock, ownerAlive: false, reason: message, reasonRef: text };
  }
  // Our own lock needs no proof; any other live pid must be the gateway that wrote it.
  if (lock.pid === process.pid) return { state: 'held', path: file, lock };
  const id = identifyLockOwner(lock.pid, lock.createdAt);
  if (!id.gateway) return { state: 'stale', path: file, lock, ownerAlive: true, reason: id.reason, reasonRef: id.reasonRef };
  return { state: 'held', path: file, lock, ownerCommand: id.info.command };
}

/** What to do about an unsafe lock folder (the gateway's error and the doctor's hint say the same). */
export function lockDirRemedy(dir: string): string {
  return `remove it (as its owner or root: \`rm -r ${dir}\`) or point TMPDIR at a folder only you can write`;
}

/** The lock folder is not safe to trust: another user's, or writable by others (they could plant a lock). */
export class LockDirUnsafeError extends Error {
  constructor(
    readonly dir: string,
    readonly problem: string,
  ) {
    super(`gateway lock folder ${dir} ${problem}; ${lockDirRemedy(dir)}`);
  }
}

/** What is wrong with a lock folder, in English (the gateway's error) and as a catalog message (the doctor's). */
export interface LockDirProblem {
  problem: string;
  ref: MessageRef;
}

const problem = (english: string, id: string, params?: MessageRef['params']): LockDirProblem => ({ problem: english, ref: { id, params } });

/**
 * What is wrong with an existing lock folder: not a real folder, another user's, or writable by
 * group/others (another local user could plant a lock in it). Undefined when it is missing or sound.
 */
export function lockDirProblemOf(dir: string): LockDirProblem | undefined {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(dir);
  } catch {
    return undefined;
  }
  if (!st.isDirectory()) return st.isSymbolicLink() ? problem('is a symbolic link', 'lock.dir.symlink') : problem('is not a folder', 'lock.dir.not-folder');
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  if (uid !== undefined && st.uid !== uid) {
    const owner = userName(st.uid);
    return problem(`is owned by ${owner}, not by you (uid ${uid})`, 'lock.dir.other-owner', { owner, uid });
  }
  if (process.platform !== 'win32' && st.mode & 0o022) {
    const mode = (st.mode & 0o777).toString(8).padStart(4, '0');
    return problem(`is writable by other users (mode ${mode})`, 'lock.dir.writable', { mode });
  }
  return undefined;
}

/** What is wrong with an existing lock folder, in English (the gateway's start error). */
export function lockDirProblem(dir: string): string | undefined {
  return lockDirProblemOf(dir)?.problem;
}

/** Creates the lock folder (0700), or throws LockDirUnsafeError for one that exists and is not safe. */
export function ensureLockDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const problem = lockDirProblem(dir);
  if (problem) throw new LockDirUnsafeError(dir, problem);
}

function userName(uid: number): string {
  try {
    const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.split(':')[2] === String(uid));
    if (line) return `user ${line.split(':')[0]} (uid ${uid})`;
  } catch {
    /* no passwd file: the uid will do */
  }
  return `uid ${uid}`;
}
