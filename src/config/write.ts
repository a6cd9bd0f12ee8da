// Writing openclaw.json so that no crash, kill or bad edit can lose a user's config:
// validate first, back up into a ring, write a temp file in the same directory, fsync, rename.
import fs from 'node:fs';
import path from 'node:path';
import { pidAlive } from '../system/gateway-lock.js';
import { substituteEnv, type JsonObject } from './load.js';
import { validateConfig, type ValidationIssue } from './schema.js';
import { ConfigWriteRejectedError } from './write-errors.js';

// Re-exported: the class lives in a module without zod so the CLI can test for it cheaply.
export { ConfigWriteRejectedError };

export const BACKUP_RING_SIZE = 5; // .bak, .bak.1 … .bak.4
export const LAST_GOOD_SUFFIX = '.last-good';

/** `2026-11-22T02-12-54-123Z`: an ISO time safe in file names, as upstream names its side files. */
export function fileTimestamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

export function backupPaths(file: string): string[] {
  return Array.from({ length: BACKUP_RING_SIZE }, (_, i) => (i === 0 ? `${file}.bak` : `${file}.bak.${i}`));
}

export interface WriteOptions {
  /** The config as it was before this change; issues it already had do not block the write. */
  previous?: JsonObject;
  /** Skip validation (only for restoring a known copy verbatim). */
  skipValidation?: boolean;
  /** Where to append an audit line (`logs/config-audit.jsonl` under the state dir). */
  auditFile?: string;
  /** Why the write happens, for the audit line. */
  reason?: string;
  env?: NodeJS.ProcessEnv;
  /** The exact text to write instead of serialising `next` (a repaired file keeps its own text); it must parse to `next`. */
  text?: string;
}

export interface WriteResult {
  path: string;
  /** The backup of the previous content, when there was a file. */
  backup?: string;
  bytes: number;
}

function issuesOf(value: JsonObject, env: NodeJS.ProcessEnv): ValidationIssue[] {
  return validateConfig(substituteEnv(value, env));
}

const issueKey = (i: ValidationIssue) => `${i.path}\u0000${i.message}`;

/** Issues in `next` that `previous` did not have: only these block a write. */
export function newIssues(next: JsonObject, previous: JsonObject | undefined, env: NodeJS.ProcessEnv = process.env): ValidationIssue[] {
  const before = new Set(previous ? issuesOf(previous, env).map(issueKey) : []);
  return issuesOf(next, env).filter((i) => !before.has(issueKey(i)));
}

export function serializeConfig(value: JsonObject): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Writes text to file atomically: same-directory temp file, fsync, rename, fsync the directory.
 * `exclusive` never replaces an existing file: the temp file is linked into place (EEXIST if taken).
 */
export function writeFileAtomic(file: string, text: string | Uint8Array, mode = 0o600, opts: { exclusive?: boolean } = {}): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  const fd = fs.openSync(tmp, 'wx', mode);
  try {
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  try {
    fs.chmodSync(tmp, mode); // umask may have narrowed or the file system widened it
    if (opts.exclusive) fs.linkSync(tmp, file);
    else fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  if (opts.exclusive) fs.rmSync(tmp, { force: true });
  fsyncDir(dir);
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on directories; the rename is still atomic.
  }
}

/** Removes temp files that writers killed mid-write left behind (their pid is gone). */
export function sweepStaleTemps(file: string): void {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (pid === process.pid || pidAlive(pid)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** Creates the state directory with mode 0700 when it does not exist. */
export function ensureStateDir(dir: string): void {
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/**
 * Shifts the ring (.bak.3 → .bak.4 … .bak → .bak.1) and copies the current file to .bak. Each slot is
 * replaced atomically rather than renamed away, so a kill at any moment never leaves a gap in the ring.
 */
export function rotateBackups(file: string): string | undefined {
  if (!fs.existsSync(file)) return undefined;
  const ring = backupPaths(file);
  for (let i = ring.length - 1; i > 0; i--) {
    if (fs.existsSync(ring[i - 1])) writeFileAtomic(ring[i], fs.readFileSync(ring[i - 1], 'utf8'));
  }
  writeFileAtomic(ring[0], fs.readFileSync(file, 'utf8'));
  return ring[0];
}

/**
 * Validates, backs up and atomically writes a config. A result with new validation issues is
 * refused and kept as `<file>.rejected.<timestamp>` so nothing the user typed is lost.
 */
export function writeConfig(file: string, next: JsonObject, opts: WriteOptions = {}): WriteResult {
  const env = opts.env ?? process.env;
  const text = opts.text ?? serializeConfig(next);
  if (!opts.skipValidation) {
    const issues = newIssues(next, opts.previous, env);
    if (issues.length) {
      ensureStateDir(path.dirname(file));
      const rejectedPath = `${file}.rejected.${fileTimestamp()}`;
      writeFileAtomic(rejectedPath, text);
      throw new ConfigWriteRejectedError(file, issues, rejectedPath);
    }
  }
  ensureStateDir(path.dirname(file));
  sweepStaleTemps(file);
  const backup = rotateBackups(file);
  writeFileAtomic(file, text);
  if (opts.auditFile) appendAudit(opts.auditFile, { path: file, reason: opts.reason, bytes: Buffer.byteLength(text), backup });
  return { path: file, backup, bytes: Buffer.byteLength(text) };
}

function appendAudit(file: string, entry: Record<string, unknown>): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.appendFileSync(file, `${JSON.stringify({ ts: new Date().toISOString(), pid: process.pid, tool: 'openclaw-doctor', ...entry })}\n`, { mode: 0o600 });
  } catch {
    // The audit trail is best effort; the write itself already succeeded.
  }
}

/** Keeps a copy of the current config as last-known-good (the gateway calls this after a clean start). */
export function promoteLastKnownGood(file: string): string | undefined {
  if (!fs.existsSync(file)) return undefined;
  const target = `${file}${LAST_GOOD_SUFFIX}`;
  writeFileAtomic(target, fs.readFileSync(file, 'utf8'));
  return target;
}

export function lastKnownGoodPath(file: string): string {
  return `${file}${LAST_GOOD_SUFFIX}`;
}

/** Moves a broken config aside as `<file>.clobbered.<timestamp>` (copy, so the original stays until replaced). */
export function saveClobbered(file: string): string {
  const target = `${file}.clobbered.${fileTimestamp()}`;
  fs.copyFileSync(file, target);
  fs.chmodSync(target, 0o600);
  return target;
}
