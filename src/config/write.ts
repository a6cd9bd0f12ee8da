// Writing openclaw.json so that no crash, kill or bad edit can lose a user's config:
// validate first, back up into a ring, write a temp file in the same directory, fsync, rename.
import fs from 'node:fs';
import path from 'node:path';
import { pidAlive } from '../system/gateway-lock.js';
import { depthExceededAt, MAX_CONFIG_DEPTH, substituteEnv, type JsonObject } from './load.js';
import { validateConfig, type ValidationIssue } from './schema.js';
import { ConfigWriteRejectedError } from './write-errors.js';
import { withConfigWriteLock } from './write-lock.js';

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
    fs.writeFileSync(fd, text); // loops until every byte is written
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

/** `.<base>.<pid>.<random>.tmp`, as writeFileAtomic names its temp files; base may itself hold dots and digits. */
const TEMP_NAME = /^\.(.+)\.(\d+)\.([a-z0-9]*)\.tmp$/;

/** The pid in a temp file's name, read from the end so that `.openclaw.json.bak.1.<pid>.<rand>.tmp` gives pid, not 1. */
export function tempWriterPid(name: string, base: string): number | undefined {
  const m = TEMP_NAME.exec(name);
  if (!m || (m[1] !== base && !m[1].startsWith(`${base}.`))) return undefined;
  return Number(m[2]);
}

/** Removes the entries of dir whose name the predicate picks; a missing dir has nothing to remove. */
export function removeFilesWhere(dir: string, pick: (name: string) => boolean): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (pick(name)) fs.rmSync(path.join(dir, name), { force: true });
}

/** Removes temp files of the config and its side files (.bak ring…) whose writer is dead. */
export function sweepStaleTemps(file: string): void {
  const base = path.basename(file);
  removeFilesWhere(path.dirname(file), (name) => {
    const pid = tempWriterPid(name, base);
    return pid !== undefined && pid !== process.pid && !pidAlive(pid);
  });
}

/** True for a regular file (through symlinks); a FIFO or device would block or endlessly feed a read. */
export function isRegularFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
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
  if (!isRegularFile(file)) return undefined; // nothing, or nothing a copy can be taken of
  const ring = backupPaths(file);
  for (let i = ring.length - 1; i > 0; i--) {
    if (isRegularFile(ring[i - 1])) writeFileAtomic(ring[i], fs.readFileSync(ring[i - 1]));
  }
  writeFileAtomic(ring[0], fs.readFileSync(file)); // bytes, not a UTF-8 decoding of them
  return ring[0];
}

/** Where a write to the config lands: a symlinked config stays a link, and the write goes through to its target. */
export function writeTarget(file: string): string {
  try {
    return fs.lstatSync(file).isSymbolicLink() ? fs.realpathSync(file) : file;
  } catch {
    return file; // missing, or a dangling link that readConfigFile reports
  }
}

/** Replaces the config's content under the write lock, through a symlink, keeping the backup ring. */
export function replaceConfigBytes(file: string, content: string | Buffer, mode = 0o600): string | undefined {
  return withConfigWriteLock(file, () => {
    ensureStateDir(path.dirname(file));
    const target = writeTarget(file);
    sweepStaleTemps(file);
    if (target !== file) sweepStaleTemps(target);
    const backup = rotateBackups(file);
    writeFileAtomic(target, content, mode);
    return backup;
  });
}

/**
 * Validates, backs up and atomically writes a config. A result with new validation issues is
 * refused and kept as `<file>.rejected.<timestamp>` so nothing the user typed is lost. Runs under
 * the config's write lock; a read-modify-write must take it around its read too (store.editConfig).
 */
export function writeConfig(file: string, next: JsonObject, opts: WriteOptions = {}): WriteResult {
  const env = opts.env ?? process.env;
  const text = opts.text ?? serializeConfig(next);
  if (!opts.skipValidation) {
    // A config too deep to read back is refused before the schema's recursion could overflow on it.
    const tooDeep = depthExceededAt(text) !== undefined;
    const issues = tooDeep ? [{ path: '(root)', message: `nests deeper than ${MAX_CONFIG_DEPTH} levels`, code: 'too_deep' }] : newIssues(next, opts.previous, env);
    if (issues.length) {
      ensureStateDir(path.dirname(file));
      const rejectedPath = `${file}.rejected.${fileTimestamp()}`;
      writeFileAtomic(rejectedPath, text);
      throw new ConfigWriteRejectedError(file, issues, rejectedPath);
    }
  }
  const backup = replaceConfigBytes(file, text);
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
  if (!isRegularFile(file)) return undefined;
  const target = `${file}${LAST_GOOD_SUFFIX}`;
  writeFileAtomic(target, fs.readFileSync(file));
  return target;
}

export function lastKnownGoodPath(file: string): string {
  return `${file}${LAST_GOOD_SUFFIX}`;
}

/** Keeps a broken config as `<file>.clobbered.<timestamp>`: a copy (the original stays until replaced), or the special file itself moved aside. */
export function saveClobbered(file: string): string {
  const target = `${file}.clobbered.${fileTimestamp()}`;
  if (!isRegularFile(file)) {
    fs.renameSync(file, target); // a FIFO or device cannot be copied (a read would block): move it aside
    return target;
  }
  fs.copyFileSync(file, target);
  fs.chmodSync(target, 0o600);
  return target;
}
