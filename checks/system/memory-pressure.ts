// Memory trouble that MemAvailable (system/memory-low) cannot see: the OOM killer already killed
// processes in the gateway's (or this container's) cgroup, a cgroup limit nearly used up, or the
// whole machine stalling on memory.
import { en } from '../../src/i18n/index.js';
import { fact } from '../../src/engine/check-helpers.js';
import { defineCheck, type Finding, say } from '../../src/engine/check.js';
import type { CgroupMemory } from '../../src/facts/system-memory.js';

/** Headroom under a cgroup limit below which the gateway (hundreds of MiB) may be OOM-killed. */
export const CGROUP_HEADROOM_BYTES = 128 * 1024 * 1024;
/** Percent of the last minute in which every task waited for memory. */
export const PRESSURE_FULL_AVG60 = 10;

const mib = (b: number) => `${Math.round(b / 1024 / 1024)} MiB`;

export default defineCheck({
  meta: {
    id: 'system/memory-pressure',
    area: 'system',
    severity: 'error',
    facts: ['memory'],
    fix: 'none',
    docs: 'seeds: Gateway errors › Out of memory (OOMKilled, exit 137)',
  },
  detect(facts) {
    const m = fact(facts, 'memory');
    if (!m) return [];
    const out: Finding[] = [];
    for (const c of m.cgroups) {
      const evidence = [
        { kind: 'system' as const, source: `${c.dir} oom_kill`, value: String(c.oomKills) },
        ...(c.limitBytes !== undefined ? [{ kind: 'system' as const, source: `${c.dir} limit`, value: en('system/memory-pressure.evidence.used', { used: mib(c.usageBytes ?? 0), limit: mib(c.limitBytes) }) }] : []),
      ];
      if (c.oomKills > 0) {
        out.push({
          checkId: 'system/memory-pressure',
          severity: 'error',
          ...say('system/memory-pressure.kernel-oom-killer', { oomKills: c.oomKills, of: c.of, limit: c.limitBytes !== undefined ? mib(c.limitBytes) : null }, c.limitBytes !== undefined ? 'system/memory-pressure.raise-limit.fix' : 'system/memory-pressure.more-memory.fix'),
          cause: 'oom',
          evidence,
        });
      } else if (c.limitBytes !== undefined && c.usageBytes !== undefined && c.limitBytes - c.usageBytes < CGROUP_HEADROOM_BYTES) {
        out.push({
          checkId: 'system/memory-pressure',
          severity: 'warning',
          ...say('system/memory-pressure.uses-memory-limit', { of: c.of, usageBytes: mib(c.usageBytes), limitBytes: mib(c.limitBytes) }),
          cause: 'oom',
          evidence,
        });
      }
    }
    if (m.pressureFullAvg60 !== undefined && m.pressureFullAvg60 >= PRESSURE_FULL_AVG60) {
      out.push({
        checkId: 'system/memory-pressure',
        severity: 'warning',
        ...say('system/memory-pressure.every-task-machine', { pressureFullAvg60: m.pressureFullAvg60 }),
        cause: 'oom',
        // i18n-ignore: a file and its field
        evidence: [{ kind: 'system', source: '/proc/pressure/memory full avg60', value: `${m.pressureFullAvg60}%` }],
      });
    }
    return out;
  },
});
