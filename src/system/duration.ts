// Durations as OpenClaw's config writes them and as `--since` takes them: `30m`, `1h`, `90s`,
// `1h30m`, `500ms`, `2d`, `1w`; in a config a bare number is minutes. One parser for both.
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

import { UserError, type UserErrorReport } from '../user-error.js';

export class DurationError extends UserError {
  override report(): UserErrorReport {
    return { kind: 'usage', message: this.message };
  }
}

export function parseDuration(text: string | number, defaultUnit: keyof typeof UNIT_MS = 'm'): number {
  if (typeof text === 'number') {
    if (!Number.isFinite(text) || text < 0) throw new DurationError(`invalid duration: ${text}`);
    return text * UNIT_MS[defaultUnit];
  }
  const s = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s) * UNIT_MS[defaultUnit];
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g;
  let total = 0;
  let consumed = 0;
  for (const m of s.matchAll(re)) {
    if (m.index !== consumed) break;
    total += Number(m[1]) * UNIT_MS[m[2]];
    consumed += m[0].length;
  }
  if (!s || consumed !== s.length) throw new DurationError(`invalid duration "${text}": use forms like 30m, 1h, 90s, 1h30m`);
  return total;
}

/**
 * `--since`: a duration back from `now` (30m, 2h, 1d, 1h30m; a unit is required, since a bare number
 * could as well be a time) or an ISO time. The cutoff in ms since the epoch, or undefined.
 */
export function parseSince(text: string, now = Date.now()): number | undefined {
  const s = text.trim();
  if (/^\d+(\.\d+)?[a-z]+/i.test(s)) {
    try {
      return now - parseDuration(s);
    } catch {
      return undefined;
    }
  }
  // An ISO date or date-time only: Date.parse alone would also take "1" or "March".
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i.test(s)) return undefined;
  const t = Date.parse(s.replace(' ', 'T'));
  return Number.isNaN(t) ? undefined : t;
}

export function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
