// The fix journal under <stateDir>/logs/: every --fix appends one entry with what undo needs (the
// exact previous config bytes, previous modes, removed locks); `openclaw doctor --undo` reverts
// the newest entry not yet undone.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { stateLayout } from '../config/paths.js';
import { fileTimestamp, isRegularFile, removeFilesWhere, replaceConfigBytes } from '../config/write.js';
import { withConfigWriteLock } from '../config/write-lock.js';
import { undoStep, type UndoStep } from './side-effects.js';

export interface JournalEntry {
  id: string;
  at: string;
  checkIds: string[];
  configPath: string;
  /** The config before the fix: a copy of its exact bytes and its mode, or absent when there was no file. */
  configBefore?: { existed: boolean; copy?: string; mode?: number };
  /** sha256 of the config the fix wrote, to notice edits made since. */
  configAfterSha?: string;
  undo: UndoStep[];
  /** Steps that cannot be undone (a stopped process), for the user to know. */
  irreversible: string[];
}

export function journalFile(stateDir: string): string {
  return stateLayout(stateDir).doctorJournal;
}

export function sha256(text: string | Buffer): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** How many runs keep their copy of the config in logs/doctor-undo/ (each copy holds the config's secrets). */
export const UNDO_COPIES_KEPT = 20;

function undoDir(stateDir: string): string {
  return path.join(stateLayout(stateDir).logsDir, 'doctor-undo');
}

/** Keeps the exact bytes and the mode of the config before a fix, next to the journal (mode 0600). */
export function saveConfigCopy(stateDir: string, configPath: string, id: string): JournalEntry['configBefore'] {
  if (!isRegularFile(configPath)) return { existed: false }; // a FIFO in its place has no bytes to keep
  const dir = undoDir(stateDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const copy = path.join(dir, `${id}.${path.basename(configPath)}`);
  const mode = fs.statSync(configPath).mode & 0o7777;
  // Created 0600 from the start (a copy would carry the source's mode until a chmod).
  fs.writeFileSync(copy, fs.readFileSync(configPath), { mode: 0o600, flag: 'w' });
  fs.chmodSync(copy, 0o600);
  return { existed: true, copy, mode };
}

/**
 * Caps logs/doctor-undo/: keeps the copies that the newest UNDO_COPIES_KEPT journal entries reference
 * and removes the rest, orphans of killed runs included (each copy holds the config's secrets).
 */
export function pruneUndoCopies(stateDir: string): void {
  const referenced = new Set<string>();
  for (const e of readJournal(stateDir).entries.slice(-UNDO_COPIES_KEPT)) if (e.configBefore?.copy) referenced.add(path.resolve(e.configBefore.copy));
  const dir = undoDir(stateDir);
  removeFilesWhere(dir, (name) => !referenced.has(path.resolve(dir, name)));
}

export function appendJournal(stateDir: string, entry: JournalEntry): string {
  const file = journalFile(stateDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.appendFileSync(file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
  pruneUndoCopies(stateDir);
  return file;
}

function readJournal(stateDir: string): { entries: JournalEntry[]; undone: Set<string> } {
  let text = '';
  try {
    text = fs.readFileSync(journalFile(stateDir), 'utf8');
  } catch {
    /* no journal yet */
  }
  const entries: JournalEntry[] = [];
  const undone = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const v = JSON.parse(line);
      if (typeof v.undone === 'string') undone.add(v.undone);
      else if (typeof v.id === 'string') entries.push(v);
    } catch {
      /* a torn line: skip it */
    }
  }
  return { entries, undone };
}

export function lastUndoable(stateDir: string): JournalEntry | undefined {
  const { entries, undone } = readJournal(stateDir);
  return entries.filter((e) => !undone.has(e.id)).at(-1);
}

export class UndoRefusedError extends Error {}

export interface UndoResult {
  entry: JournalEntry;
  restoredConfig: boolean;
  steps: number;
  irreversible: string[];
  /** Where the config as it was before the undo was kept. */
  backup?: string;
}

/** Reverts the newest fix. Refuses when the config changed since, unless forced. */
export function undoLastFix(stateDir: string, opts: { force?: boolean } = {}): UndoResult | undefined {
  const entry = lastUndoable(stateDir);
  if (!entry) return undefined;
  const file = entry.configPath;
  let restoredConfig = false;
  let backup: string | undefined;
  const restore = entry.configBefore && entry.configAfterSha ? entry.configBefore : undefined;
  // Compare, undo and restore under the write lock, so no writer slips in between. Steps are undone
  // newest first: side effects ran after the config write, so they are reverted before it (a chmod
  // of the freshly written file must not land on the restored one).
  const revert = () => {
    const current = isRegularFile(file) ? fs.readFileSync(file) : undefined;
    if (restore && current && sha256(current) !== entry.configAfterSha && !opts.force) {
      throw new UndoRefusedError(`${file} changed after the fix of ${entry.at}; rerun with --yes to undo anyway (the current file is kept as a backup)`);
    }
    for (const step of [...entry.undo].reverse()) undoStep(step);
    if (!restore) return;
    if (restore.existed && restore.copy) {
      // The exact bytes and mode, written through a symlinked config to its target.
      backup = replaceConfigBytes(file, fs.readFileSync(restore.copy), restore.mode ?? 0o600);
    } else if (current) {
      backup = `${file}.undone.${fileTimestamp()}`;
      fs.renameSync(file, backup); // the fix created it; keep it aside rather than delete it
    }
    restoredConfig = true;
  };
  if (restore) withConfigWriteLock(file, revert);
  else revert(); // no config to restore: no need to lock it
  fs.appendFileSync(journalFile(stateDir), `${JSON.stringify({ undone: entry.id, at: new Date().toISOString() })}\n`);
  return { entry, restoredConfig, steps: entry.undo.length, irreversible: entry.irreversible, backup };
}
