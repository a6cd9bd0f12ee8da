// The gateway's single-instance lock for this config: absent, held by the gateway that wrote it
// (with its command line, so a check can tell which port it chose), or stale: the owner is gone or
// is a live process that is not that gateway (pid reuse), which is never to be signalled. Also what
// is wrong with the lock folder, if anything (another user's, or writable by others).
import path from 'node:path';
import type { MessageRef } from '../i18n/index.js';
import { findLock, lockDirProblemOf, lockPathFor, type LockState } from '../system/gateway-lock.js';

/** `dirProblem` in English, `dirProblemRef` the same as a catalog message (absent in facts recorded before it). */
export type LockFact = LockState & { configPath: string; ownerCommand?: string; dirProblem?: string; dirProblemRef?: MessageRef };

/** Both places a gateway keeps the lock are read (reference §1); a held one wins over a stale one. */
export function collectLock(configPath: string, tmpdir?: string, stateDir?: string): LockFact {
  // Only the tmpdir folder is ours to judge: the one under the state dir is checked with the state dir.
  const dir = lockDirProblemOf(path.dirname(lockPathFor(configPath, { tmpdir })));
  return { ...findLock(configPath, stateDir, { tmpdir }), configPath, ...(dir ? { dirProblem: dir.problem, dirProblemRef: dir.ref } : {}) };
}
