// Active hours: `{start: "08:00", end: "22:00", timezone}`. A range whose end is before its start
// crosses midnight (22:00–06:00). Timezones are IANA names evaluated with Intl; "local"/"user" or
// none mean the host's zone.
export interface ActiveHours {
  start?: string;
  end?: string;
  timezone?: string;
}

function minutesOf(hhmm: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return undefined;
  return h * 60 + min;
}

export function isValidTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Minutes since midnight at `ms` in the zone (host zone when tz is unset, "local" or "user"). */
export function minutesInZone(ms: number, tz?: string): number {
  const zone = tz && tz !== 'local' && tz !== 'user' ? tz : undefined;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

export interface ActiveHoursResult {
  active: boolean;
  /** Why the setting was ignored, when it was (bad time, unknown zone). */
  problem?: string;
}

export function withinActiveHours(hours: ActiveHours | undefined, ms: number): ActiveHoursResult {
  if (!hours || (hours.start === undefined && hours.end === undefined)) return { active: true };
  const start = minutesOf(hours.start ?? '00:00');
  const end = minutesOf(hours.end ?? '24:00');
  if (start === undefined || end === undefined) return { active: true, problem: `invalid activeHours ${hours.start}–${hours.end}: use HH:MM` };
  let tz = hours.timezone;
  let problem: string | undefined;
  if (tz && tz !== 'local' && tz !== 'user' && !isValidTimezone(tz)) {
    problem = `unknown timezone "${tz}"; using the host's`;
    tz = undefined;
  }
  if (start === end) return { active: true, problem };
  const now = minutesInZone(ms, tz);
  const active = start < end ? now >= start && now < end : now >= start || now < end;
  return { active, problem };
}
