// When a job runs next. Three kinds, as upstream: a cron expression (parsed by croner, with an
// optional IANA timezone), a fixed interval, and a one-shot time.
import type { Cron } from 'croner';
import { lazyRequire } from '../../lazy-require.js';
import { parseDuration } from '../../system/duration.js';

// Only stores with a cron-expression job need croner: the gateway and the doctor load it then.
const croner = lazyRequire<typeof import('croner')>('croner');

export type CronSchedule =
  | { kind: 'cron'; expr: string; tz?: string }
  | { kind: 'every'; everyMs: number; anchorMs?: number }
  | { kind: 'at'; atMs: number };

export class ScheduleError extends Error {}

function cronOf(expr: string, tz?: string): Cron {
  try {
    return new (croner().Cron)(expr, { paused: true, timezone: tz });
  } catch (err) {
    throw new ScheduleError(`invalid cron expression "${expr}"${tz ? ` (tz ${tz})` : ''}: ${(err as Error).message}`);
  }
}

/** Throws ScheduleError when the schedule can never be evaluated. */
export function validateSchedule(s: CronSchedule): void {
  if (s.kind === 'cron') cronOf(s.expr, s.tz).stop();
  else if (s.kind === 'every' && !(s.everyMs > 0)) throw new ScheduleError(`invalid interval: ${s.everyMs}ms`);
  else if (s.kind === 'at' && !Number.isFinite(s.atMs)) throw new ScheduleError('invalid one-shot time');
}

/** The next run strictly after `afterMs`, or undefined when there is none (a one-shot already past). */
export function nextRunAt(s: CronSchedule, afterMs: number): number | undefined {
  switch (s.kind) {
    case 'cron': {
      const c = cronOf(s.expr, s.tz);
      const next = c.nextRun(new Date(afterMs));
      c.stop();
      return next ? next.getTime() : undefined;
    }
    case 'every': {
      const anchor = s.anchorMs ?? afterMs;
      if (anchor > afterMs) return anchor;
      return anchor + (Math.floor((afterMs - anchor) / s.everyMs) + 1) * s.everyMs;
    }
    case 'at':
      return s.atMs > afterMs ? s.atMs : undefined;
  }
}

/** Builds a schedule from the CLI's `--cron EXPR [--tz TZ]`, `--every 10m` or `--at <ISO time | +20m>`. */
export function scheduleFromFlags(flags: { cron?: string; tz?: string; every?: string; at?: string }, nowMs: number): CronSchedule {
  const given = [flags.cron, flags.every, flags.at].filter((v) => v !== undefined).length;
  if (given !== 1) throw new ScheduleError('give exactly one of --cron EXPR, --every DURATION, --at TIME');
  let s: CronSchedule;
  if (flags.cron !== undefined) s = { kind: 'cron', expr: flags.cron, tz: flags.tz };
  else if (flags.every !== undefined) s = { kind: 'every', everyMs: parseDuration(flags.every), anchorMs: nowMs };
  else {
    const at = flags.at!;
    const atMs = at.startsWith('+') ? nowMs + parseDuration(at.slice(1)) : Date.parse(at);
    if (!Number.isFinite(atMs)) throw new ScheduleError(`invalid --at time "${at}": use an ISO time or +DURATION`);
    s = { kind: 'at', atMs };
  }
  validateSchedule(s);
  return s;
}

export function describeSchedule(s: CronSchedule): string {
  if (s.kind === 'cron') return `cron ${s.expr}${s.tz ? ` (${s.tz})` : ''}`;
  if (s.kind === 'every') return `every ${s.everyMs}ms`;
  return `at ${new Date(s.atMs).toISOString()}`;
}
