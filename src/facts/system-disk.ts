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

export async function collectDisk(stateDir: string): Promise<DiskFact> {
  const at = existingAncestor(stateDir);
  // The callback API, not fs.promises: loading that also loads Node's readline internals (~2 ms of
  // every doctor run) for this one call.
  const s = await new Promise<fs.StatsFs>((resolve, reject) => fs.statfs(at, (err, st) => (err ? reject(err) : resolve(st))));
  return { path: at, totalBytes: s.blocks * s.bsize, availableBytes: s.bavail * s.bsize, totalInodes: s.files, freeInodes: s.ffree };
}
