// The gateway's single-instance lock for this config: absent, held by a live pid, or stale. For a
// held lock, the owner's command line too (Linux /proc), so a check can tell which port it chose.
import fs from 'node:fs';
import { lockPathFor, readLock, type LockState } from '../system/gateway-lock.js';

export type LockFact = LockState & { configPath: string; ownerCommand?: string };

function commandLineOf(pid: number): string | undefined {
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return cmd || undefined;
  } catch {
    return undefined; // not Linux, or not ours to read
  }
}

export function collectLock(configPath: string, tmpdir?: string): LockFact {
  const state = readLock(lockPathFor(configPath, { tmpdir }));
  const ownerCommand = state.state === 'held' ? commandLineOf(state.lock.pid) : undefined;
  return { ...state, configPath, ...(ownerCommand ? { ownerCommand } : {}) };
}
