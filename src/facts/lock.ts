// The gateway's single-instance lock for this config: absent, held by a live pid, or stale.
import { lockPathFor, readLock, type LockState } from '../system/gateway-lock.js';

export type LockFact = LockState & { configPath: string };

export function collectLock(configPath: string, tmpdir?: string): LockFact {
  return { ...readLock(lockPathFor(configPath, { tmpdir })), configPath };
}
