// Stopping a process that has been identified (see process-identity.ts): SIGTERM, a grace period,
// then SIGKILL, and waiting for it to be gone. Callers decide WHETHER; this only does HOW.
import fs from 'node:fs';
import { pidAlive } from './gateway-lock.js';

/** A zombie has exited; only its parent has not reaped it yet (e.g. a parent blocked in spawnSync). */
function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

export function processGone(pid: number): boolean {
  return !pidAlive(pid) || isZombie(pid);
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (processGone(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return processGone(pid);
}

/** SIGTERM, wait up to graceMs, then SIGKILL. Returns the signal that ended it. */
export async function terminate(pid: number, graceMs: number): Promise<'SIGTERM' | 'SIGKILL'> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return 'SIGTERM';
  }
  if (await waitForExit(pid, graceMs)) return 'SIGTERM';
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
  await waitForExit(pid, 2000);
  return 'SIGKILL';
}

