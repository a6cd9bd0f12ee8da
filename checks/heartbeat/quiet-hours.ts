// Heartbeats skip outside agents.defaults.heartbeat.activeHours ("quiet-hours"); an empty window
// (start equals end) means they never run.
import { configEvidence, fact, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

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
      return [{ checkId: 'heartbeat/quiet-hours', severity: 'warning', ...say('heartbeat/quiet-hours.activehours-starts-ends', { start: hours.start, example: `'{"start":"08:00","end":"22:00"}'` }), path: 'agents.defaults.heartbeat.activeHours', cause: 'heartbeat-skipped', evidence }];
    }
    const sys = fact(facts, 'system');
    if (!sys) return [];
    const tz = typeof hours.timezone === 'string' && hours.timezone ? hours.timezone : sys.timeZone;
    const now = localMinutes(sys.nowMs, tz);
    if (now === undefined) {
      return [{ checkId: 'heartbeat/quiet-hours', severity: 'warning', ...say('heartbeat/quiet-hours.activehours-timezone-known', { timezone: JSON.stringify(tz) }), path: 'agents.defaults.heartbeat.activeHours.timezone', cause: 'heartbeat-skipped', evidence }];
    }
    const inside = start < end ? now >= start && now < end : now >= start || now < end;
    if (inside) return [];
    return [{ checkId: 'heartbeat/quiet-hours', severity: 'info', ...say('heartbeat/quiet-hours.outside-activehours-now', { start: hours.start, end: hours.end, tz }), path: 'agents.defaults.heartbeat.activeHours', cause: 'heartbeat-skipped', evidence }];
  },
});
