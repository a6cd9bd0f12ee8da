// The gateway's single-instance lock for this config: absent, held by the gateway that wrote it
// (with its command line, so a check can tell which port it chose), or stale: the owner is gone or
// is a live process that is not that gateway (pid reuse), which is never to be signalled. Also what
// is wrong with the lock folder, if anything (another user's, or writable by others).
import path from 'node:path';
import { lockDirProblem, lockPathFor, readLock, type LockState } from '../system/gateway-lock.js';

export type LockFact = LockState & { configPath: string; ownerCommand?: string; dirProblem?: string };

export function collectLock(configPath: string, tmpdir?: string): LockFact {
  const file = lockPathFor(configPath, { tmpdir });
  const dirProblem = lockDirProblem(path.dirname(file));
  return { ...readLock(file), configPath, ...(dirProblem ? { dirProblem } : {}) };
}
