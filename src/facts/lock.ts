// The gateway's single-instance lock for this config: absent, held by the gateway that wrote it
// (with its command line, so a check can tell which port it chose), or stale: the owner is gone or
// is a live process that is not that gateway (pid reuse), which is never to be signalled. Also what
// is wrong with the lock folder, if anything (another user's, or writable by others).
import path from 'node:path';
import { findLock, lockDirProblem, lockPathFor, type LockState } from '../system/gateway-lock.js';

export type LockFact = LockState & { configPath: string; ownerCommand?: string; dirProblem?: string };

/** Both places a gateway keeps the lock are read (reference §1); a held one wins over a stale one. */
export function collectLock(configPath: string, tmpdir?: string, stateDir?: string): LockFact {
  // Only the tmpdir folder is ours to judge: the one under the state dir is checked with the state dir.
  const dirProblem = lockDirProblem(path.dirname(lockPathFor(configPath, { tmpdir })));
  return { ...findLock(configPath, stateDir, { tmpdir }), configPath, ...(dirProblem ? { dirProblem } : {}) };
}
