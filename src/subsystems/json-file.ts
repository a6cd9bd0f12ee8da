// Small JSON state files under the state dir (cron store, heartbeat event, pairing requests, browser
// state): read tolerantly, written atomically with mode 0600 so a kill never leaves half a file.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../config/write.js';
import { UserError, type UserErrorReport } from '../user-error.js';

export class StateFileError extends UserError {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'StateFileError';
  }

  override report(): UserErrorReport {
    return { kind: 'failed', message: this.message, hint: { id: 'cli.subsystem.damaged-file.hint' } };
  }
}

/** The parsed file, or undefined when it does not exist. Unparseable content throws StateFileError. */
export function readJsonFile<T = unknown>(file: string): T | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StateFileError(file, `cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new StateFileError(file, `is not valid JSON (${(err as Error).message})`);
  }
}

export function writeJsonFile(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Appends one JSON line (run history); creates the directory on first use. */
export function appendJsonLine(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.appendFileSync(file, `${JSON.stringify(value)}\n`, { mode: 0o600 });
}

/** The last `limit` parseable JSON lines of a file, oldest first; a torn last line is skipped. */
export function readJsonLines<T = unknown>(file: string, limit: number): T[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: T[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch {
      // a line torn by a crash mid-append; the rest of the history is still good
    }
  }
  return limit > 0 ? out.slice(-limit) : out;
}
