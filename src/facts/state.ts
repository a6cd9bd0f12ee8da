// The state dir and the files in it that hold secrets, with their modes, for state/permissions.
import fs from 'node:fs';
import path from 'node:path';
import { stateLayout } from '../config/paths.js';

export interface StateEntry {
  path: string;
  kind: 'dir' | 'file';
  /** Permission bits, e.g. 0o600. */
  mode: number;
  /** Why it matters: the state dir itself, the config, or a file holding secrets. */
  role: 'stateDir' | 'config' | 'secret' | 'secretDir';
}

export interface StateFact {
  stateDir: string;
  exists: boolean;
  entries: StateEntry[];
}

function entry(p: string, role: StateEntry['role']): StateEntry | undefined {
  try {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return undefined; // a link's own mode means nothing
    return { path: p, kind: st.isDirectory() ? 'dir' : 'file', mode: st.mode & 0o777, role };
  } catch {
    return undefined;
  }
}

function filesIn(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => path.join(dir, d.name));
  } catch {
    return [];
  }
}

export function collectState(stateDir: string, configPath: string): StateFact {
  const layout = stateLayout(stateDir);
  const root = entry(stateDir, 'stateDir');
  if (!root) return { stateDir, exists: false, entries: [] };
  const configDir = path.dirname(configPath);
  const candidates: [string, StateEntry['role']][] = [
    [configPath, 'config'],
    ...filesIn(configDir)
      .filter((f) => f !== configPath && path.basename(f).startsWith(`${path.basename(configPath)}.`))
      .map((f): [string, StateEntry['role']] => [f, 'secret']), // backups, last-known-good, rejected copies
    [layout.identityDir, 'secretDir'],
    ...filesIn(layout.identityDir).map((f): [string, StateEntry['role']] => [f, 'secret']),
    ...filesIn(path.dirname(layout.devicesPaired)).map((f): [string, StateEntry['role']] => [f, 'secret']),
    [layout.execApprovals, 'secret'],
    [path.join(stateDir, 'credentials'), 'secretDir'],
    ...filesIn(path.join(stateDir, 'credentials')).map((f): [string, StateEntry['role']] => [f, 'secret']),
  ];
  const entries = [root];
  for (const [p, role] of candidates) {
    const e = entry(p, role);
    if (e) entries.push(e);
  }
  return { stateDir, exists: true, entries };
}
