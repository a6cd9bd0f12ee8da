// Heartbeats skip outside agents.defaults.heartbeat.activeHours ("quiet-hours"); an empty window
// (start equals end) means they never run.
import { configEvidence, fact, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck } from '../../src/engine/check.js';

function minutes(hhmm: unknown): number | undefined {
  const m = typeof hhmm === 'string' ? /^(\d{1,2}):(\d{2})$/.exec(hhmm) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

function localMinutes(nowMs: number, timeZone: string): number | undefined {
  try {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(nowMs));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    return get('hour') * 60 + get('minute');
  } catch {
    return undefined;
  }
}

export default defineCheck({
  meta: {
    id: 'heartbeat/quiet-hours',
    title: 'Heartbeats are paused by activeHours',
    area: 'heartbeat',
    severity: 'warning',
    facts: ['config', 'system'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › Cron and heartbeat delivery (quiet-hours)',
  },
  detect(facts) {
    const p = parsedConfig(facts);
    const hours = p?.cfg.agents?.defaults?.heartbeat?.activeHours;
    const start = minutes(hours?.start);
    const end = minutes(hours?.end);
    if (start === undefined || end === undefined) return [];
    const evidence = [configEvidence('agents.defaults.heartbeat.activeHours', hours)];
    if (start === end) {
      return [{ checkId: 'heartbeat/quiet-hours', severity: 'warning', message: `activeHours starts and ends at ${hours.start}: the window is empty, so heartbeats never run (skipped: quiet-hours).`, path: 'agents.defaults.heartbeat.activeHours', fixHint: 'Set a real window, e.g. `openclaw config set agents.defaults.heartbeat.activeHours \'{"start":"08:00","end":"22:00"}\'`', cause: 'heartbeat-skipped', evidence }];
    }
    const sys = fact(facts, 'system');
    if (!sys) return [];
    const tz = typeof hours.timezone === 'string' && hours.timezone ? hours.timezone : sys.timeZone;
    const now = localMinutes(sys.nowMs, tz);
    if (now === undefined) {
      return [{ checkId: 'heartbeat/quiet-hours', severity: 'warning', message: `activeHours.timezone ${JSON.stringify(tz)} is not a known time zone.`, path: 'agents.defaults.heartbeat.activeHours.timezone', fixHint: 'Use an IANA name such as Europe/Berlin or Asia/Seoul', cause: 'heartbeat-skipped', evidence }];
    }
    const inside = start < end ? now >= start && now < end : now >= start || now < end;
    if (inside) return [];
    return [{ checkId: 'heartbeat/quiet-hours', severity: 'info', message: `It is outside activeHours (${hours.start}–${hours.end} ${tz}) now, so heartbeats are skipped (quiet-hours) until ${hours.start}.`, path: 'agents.defaults.heartbeat.activeHours', fixHint: 'Nothing to fix if this is intended; widen activeHours otherwise', cause: 'heartbeat-skipped', evidence }];
  },
});
