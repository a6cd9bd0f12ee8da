// The fix journal under <stateDir>/logs/: every --fix appends one entry with what undo needs (the
// exact previous config bytes, previous modes, removed locks); `openclaw doctor --undo` reverts
// the newest entry not yet undone.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { stateLayout } from '../config/paths.js';
import { fileTimestamp, rotateBackups, writeFileAtomic } from '../config/write.js';
import { undoStep, type UndoStep } from './side-effects.js';

export interface JournalEntry {
  id: string;
  at: string;
  checkIds: string[];
  configPath: string;
  /** The config before the fix: a copy of its exact bytes, or absent when there was no file. */
  configBefore?: { existed: boolean; copy?: string };
  /** sha256 of the config the fix wrote, to notice edits made since. */
  configAfterSha?: string;
  undo: UndoStep[];
  /** Steps that cannot be undone (a stopped process), for the user to know. */
  irreversible: string[];
}

export function journalFile(stateDir: string): string {
  return path.join(stateLayout(stateDir).logsDir, 'doctor-journal.jsonl');
}

export function sha256(text: string | Buffer): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** Keeps the exact bytes of the config before a fix, next to the journal (mode 0600). */
export function saveConfigCopy(stateDir: string, configPath: string, id: string): JournalEntry['configBefore'] {
  if (!fs.existsSync(configPath)) return { existed: false };
  const dir = path.join(stateLayout(stateDir).logsDir, 'doctor-undo');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const copy = path.join(dir, `${id}.${path.basename(configPath)}`);
  fs.copyFileSync(configPath, copy);
  fs.chmodSync(copy, 0o600);
  return { existed: true, copy };
}

export function appendJournal(stateDir: string, entry: JournalEntry): string {
  const file = journalFile(stateDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.appendFileSync(file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
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
  if (entry.configBefore && entry.configAfterSha) {
    const current = fs.existsSync(file) ? fs.readFileSync(file) : undefined;
    if (current && sha256(current) !== entry.configAfterSha && !opts.force) {
      throw new UndoRefusedError(`${file} changed after the fix of ${entry.at}; rerun with --yes to undo anyway (the current file is kept as a backup)`);
    }
    if (entry.configBefore.existed && entry.configBefore.copy) {
      backup = rotateBackups(file);
      writeFileAtomic(file, fs.readFileSync(entry.configBefore.copy, 'utf8'));
    } else if (current) {
      backup = `${file}.undone.${fileTimestamp()}`;
      fs.renameSync(file, backup); // the fix created it; keep it aside rather than delete it
    }
    restoredConfig = true;
  }
  for (const step of [...entry.undo].reverse()) undoStep(step);
  fs.appendFileSync(journalFile(stateDir), `${JSON.stringify({ undone: entry.id, at: new Date().toISOString() })}\n`);
  return { entry, restoredConfig, steps: entry.undo.length, irreversible: entry.irreversible, backup };
}
