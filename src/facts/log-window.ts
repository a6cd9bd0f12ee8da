// Since when a log line counts as "now". Lines written before the running gateway started, or before
// the config was last written or repaired, describe a past the user has already acted on: they are
// history. `--since` overrides; without a running gateway the default is the last 24 h.
import fs from 'node:fs';
import { stateLayout } from '../config/paths.js';
import type { LockFact } from './lock.js';

export interface LogWindow {
  /** ISO time: lines stamped before it are history. */
  since: string;
  /** What set it, in words ("the running gateway started"). */
  reason: string;
}

export const DEFAULT_WINDOW_MS = 24 * 3_600_000;

const mtime = (file: string) => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
};

export interface WindowInput {
  /** `--since`, as ms since the epoch. */
  since?: number;
  now: number;
  lock?: LockFact;
  configPath: string;
  stateDir: string;
  /** Recorded facts (a fixture): file times say when it was checked out, not when things happened. */
  recorded?: boolean;
}

export function logWindow(o: WindowInput): LogWindow {
  if (o.since !== undefined) return { since: new Date(o.since).toISOString(), reason: 'the --since time' };
  const candidates: [number | undefined, string][] = [];
  const started = o.lock?.state === 'held' ? new Date(o.lock.lock.createdAt).getTime() : undefined;
  candidates.push([Number.isFinite(started) ? started : undefined, 'the running gateway started']);
  if (!o.recorded) {
    // Append-only files: their mtime is the time of their last entry, no parsing needed.
    candidates.push([mtime(o.configPath), 'the config was last written']);
    const layout = stateLayout(o.stateDir);
    candidates.push([mtime(layout.configAudit), 'the config was last written']);
    candidates.push([mtime(layout.doctorJournal), 'the last doctor repair']);
  }
  // Recorded facts have no "now" of their own: without a gateway start every line counts.
  const fallback: [number, string] = o.recorded ? [0, 'recorded facts'] : [o.now - DEFAULT_WINDOW_MS, 'the last 24 h'];
  let best: [number, string] = started !== undefined && Number.isFinite(started) ? [started, candidates[0][1]] : fallback;
  for (const [t, reason] of candidates) if (t !== undefined && t > best[0] && t <= o.now) best = [t, reason];
  return { since: new Date(best[0]).toISOString(), reason: best[1] };
}
