// Memory trouble that MemAvailable (system/memory-low) cannot see: the OOM killer already killed
// processes in the gateway's (or this container's) cgroup, a cgroup limit nearly used up, or the
// whole machine stalling on memory.
import { fact } from '../../src/engine/check-helpers.js';
import { defineCheck, type Finding, say } from '../../src/engine/check.js';
import type { CgroupMemory } from '../../src/facts/system-memory.js';

/** Headroom under a cgroup limit below which the gateway (hundreds of MiB) may be OOM-killed. */
export const CGROUP_HEADROOM_BYTES = 128 * 1024 * 1024;
/** Percent of the last minute in which every task waited for memory. */
export const PRESSURE_FULL_AVG60 = 10;

const mib = (b: number) => `${Math.round(b / 1024 / 1024)} MiB`;
const capitalized = (s: string) => s[0].toUpperCase() + s.slice(1);
const whose = (c: CgroupMemory) => (c.of === 'gateway' ? "the gateway's cgroup" : 'this cgroup (the container or session the doctor runs in)');

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
        ...(c.limitBytes !== undefined ? [{ kind: 'system' as const, source: `${c.dir} limit`, value: `${mib(c.usageBytes ?? 0)} used of ${mib(c.limitBytes)}` }] : []),
      ];
      if (c.oomKills > 0) {
        out.push({
          checkId: 'system/memory-pressure',
          severity: 'error',
          ...say('system/memory-pressure.kernel-oom-killer', { oomKills: c.oomKills, value: c.oomKills === 1 ? '' : 'es', c: whose(c), value2: c.limitBytes !== undefined ? `, whose memory limit is ${mib(c.limitBytes)}` : '' }, null),
          fixHint: c.limitBytes !== undefined ? 'Raise the memory limit (docker run --memory 2g, the Kubernetes limit, or MemoryMax= of the service) to at least 1 GiB' : 'Give the machine more memory or swap, or cap the heap: NODE_OPTIONS=--max-old-space-size=1024',
          cause: 'oom',
          evidence,
        });
      } else if (c.limitBytes !== undefined && c.usageBytes !== undefined && c.limitBytes - c.usageBytes < CGROUP_HEADROOM_BYTES) {
        out.push({
          checkId: 'system/memory-pressure',
          severity: 'warning',
          ...say('system/memory-pressure.uses-memory-limit', { c: capitalized(whose(c)), usageBytes: mib(c.usageBytes), limitBytes: mib(c.limitBytes) }),
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
        evidence: [{ kind: 'system', source: '/proc/pressure/memory full avg60', value: `${m.pressureFullAvg60}%` }],
      });
    }
    return out;
  },
});
