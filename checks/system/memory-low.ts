// Less than 256 MiB available: the gateway (hundreds of MiB at start) may be killed or never start.
import { fact } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

export const LOW_MEMORY_BYTES = 256 * 1024 * 1024;
const mib = (b: number) => `${Math.round(b / 1024 / 1024)} MiB`;

export default defineCheck({
  meta: {
    id: 'system/memory-low',
    area: 'system',
    severity: 'warning',
    facts: ['system'],
    fix: 'none',
    docs: 'seeds: Gateway errors › Gateway Did Not Become Ready',
  },
  detect(facts) {
    const s = fact(facts, 'system');
    if (!s || s.memAvailableBytes >= LOW_MEMORY_BYTES) return [];
    return [
      {
        checkId: 'system/memory-low',
        severity: 'warning',
        ...say('system/memory-low.only-memory-available', { memAvailableBytes: mib(s.memAvailableBytes), memTotalBytes: mib(s.memTotalBytes) }),
        cause: 'oom',
        evidence: [{ kind: 'system', source: 'MemAvailable', value: mib(s.memAvailableBytes) }],
      },
    ];
  },
});
