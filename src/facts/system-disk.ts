// Free space on the state dir's file system: a full disk (ENOSPC) breaks config writes, backups,
// the pairing store and the logs. One statfs(2) call; systeminformation would spawn `df` and cost
// ≈30 ms just to load (bench/README.md, "System facts").
import fs from 'node:fs';
import path from 'node:path';

export interface DiskFact {
  /** The directory measured: the state dir, or its nearest existing parent on a fresh machine. */
  path: string;
  totalBytes: number;
  /** Space an unprivileged process may still use (f_bavail), which is what the gateway gets. */
  availableBytes: number;
  totalInodes: number;
  freeInodes: number;
}

function existingAncestor(dir: string): string {
  let p = path.resolve(dir);
  while (!fs.existsSync(p) && path.dirname(p) !== p) p = path.dirname(p);
  return p;
}

export function collectDisk(stateDir: string): DiskFact {
  const at = existingAncestor(stateDir);
  // Synchronous: statfs(2) answers in microseconds, while the first asynchronous fs call of a
  // process starts libuv's four thread-pool threads, and nothing else on the doctor's path needs them.
  const s = fs.statfsSync(at);
  return { path: at, totalBytes: s.blocks * s.bsize, availableBytes: s.bavail * s.bsize, totalInodes: s.files, freeInodes: s.ffree };
}
