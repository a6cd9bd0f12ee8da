// Memory trouble that MemAvailable (system/memory-low) cannot see: the OOM killer already killed
// processes in the gateway's (or this container's) cgroup, a cgroup limit nearly used up, or the
// whole machine stalling on memory.
import { fact } from '../../src/engine/check-helpers.js';
import { defineCheck, type Finding } from '../../src/engine/check.js';
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
    title: 'Memory pressure and OOM kills',
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
          message: `The kernel OOM killer has killed ${c.oomKills} process${c.oomKills === 1 ? '' : 'es'} in ${whose(c)}${c.limitBytes !== undefined ? `, whose memory limit is ${mib(c.limitBytes)}` : ''}: a gateway killed this way restarts or disappears without a log line of its own.`,
          fixHint: c.limitBytes !== undefined ? 'Raise the memory limit (docker run --memory 2g, the Kubernetes limit, or MemoryMax= of the service) to at least 1 GiB' : 'Give the machine more memory or swap, or cap the heap: NODE_OPTIONS=--max-old-space-size=1024',
          cause: 'oom',
          evidence,
        });
      } else if (c.limitBytes !== undefined && c.usageBytes !== undefined && c.limitBytes - c.usageBytes < CGROUP_HEADROOM_BYTES) {
        out.push({
          checkId: 'system/memory-pressure',
          severity: 'warning',
          message: `${capitalized(whose(c))} uses ${mib(c.usageBytes)} of its ${mib(c.limitBytes)} memory limit: the OOM killer is close.`,
          fixHint: 'Raise the memory limit (docker run --memory 2g, the Kubernetes limit, or MemoryMax= of the service)',
          cause: 'oom',
          evidence,
        });
      }
    }
    if (m.pressureFullAvg60 !== undefined && m.pressureFullAvg60 >= PRESSURE_FULL_AVG60) {
      out.push({
        checkId: 'system/memory-pressure',
        severity: 'warning',
        message: `Every task on this machine waited for memory ${m.pressureFullAvg60}% of the last minute: the gateway will answer slowly and may be OOM-killed.`,
        fixHint: 'Close other programs, add swap, or give the machine more memory',
        cause: 'oom',
        evidence: [{ kind: 'system', source: '/proc/pressure/memory full avg60', value: `${m.pressureFullAvg60}%` }],
      });
    }
    return out;
  },
});
