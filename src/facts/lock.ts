// The gateway's single-instance lock for this config: absent, held by the gateway that wrote it
// (with its command line, so a check can tell which port it chose), or stale: the owner is gone or
// is a live process that is not that gateway (pid reuse), which is never to be signalled.
import { lockPathFor, readLock, type LockState } from '../system/gateway-lock.js';

export type LockFact = LockState & { configPath: string; ownerCommand?: string };

export function collectLock(configPath: string, tmpdir?: string): LockFact {
  return { ...readLock(lockPathFor(configPath, { tmpdir })), configPath };
}
