// The doctor's `service.install` operation: reinstall this profile's definition from the (already
// repaired) config, keeping a private copy of the definition it replaces so --undo can put it back.
import fs from 'node:fs';
import type { ResolvedPaths } from '../config/paths.js';
import { fileTimestamp } from '../config/write.js';
import { installService, targetOf } from './lifecycle.js';
import type { MessageRef } from '../i18n/index.js';

export interface DoctorReinstall {
  /** The definition that was replaced: where its copy is and the mode to give it back. */
  replaced?: { path: string; from: string; mode: number };
  /** Set when the file was written but the manager could not enable or start it. */
  note?: string;
  /** The note as a catalog message, for the reader's language. */
  noteRef?: MessageRef;
}

export async function reinstallForDoctor(opts: { paths: ResolvedPaths; env?: NodeJS.ProcessEnv; force?: boolean }): Promise<DoctorReinstall> {
  const file = targetOf(opts).file;
  // The installer's own .bak is overwritten by the next install; undo needs a copy of its own.
  const copy = fs.existsSync(file) ? { path: file, from: `${file}.doctor-${fileTimestamp()}`, mode: fs.statSync(file).mode & 0o777 } : undefined;
  if (copy) {
    fs.copyFileSync(file, copy.from);
    fs.chmodSync(copy.from, 0o600); // it may hold the old token
  }
  let r: Awaited<ReturnType<typeof installService>>;
  try {
    r = await installService(opts);
    if (r.exists) throw new Error(r.message);
  } catch (err) {
    if (copy) fs.rmSync(copy.from, { force: true });
    throw err;
  }
  if (copy && !r.written) fs.rmSync(copy.from, { force: true });
  const replaced = r.written ? copy : undefined;
  // The definition on disk is what the drift checks read; enabling it is the manager's part.
  const what = r.written ? 'definition rewritten' : 'definition already up to date';
  // The manager's own words (its reason, the installer's message) stay English inside the note.
  const noteRef = (id: string, detail: string) => ({ id, params: { written: r.written, detail } });
  if (r.unavailable) return { replaced, note: `${what} but could not be enabled: ${r.unavailable.reason}`, noteRef: noteRef('repair.step.service-not-enabled', r.unavailable.reason) };
  if (!r.ok) return { replaced, note: `${what} but not started: ${r.message}`, noteRef: noteRef('repair.step.service-not-started', r.message) };
  return { replaced };
}
