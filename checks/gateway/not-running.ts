// Nothing listens on the gateway port (answered in milliseconds, never upstream's 60 s wait).
import { fact, get, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'gateway/not-running',
    title: 'No gateway is listening',
    area: 'gateway',
    severity: 'warning',
    facts: ['config', 'gateway'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › Gateway service not running',
  },
  detect(facts) {
    const probe = fact(facts, 'gateway');
    const p = parsedConfig(facts);
    if (!probe || !p || probe.connect.error?.kind !== 'refused') return [];
    if (get(p.cfg, 'gateway.mode') !== 'local') return []; // mode checks explain why it cannot start
    return [
      {
        checkId: 'gateway/not-running',
        severity: 'warning',
        message: `No gateway is listening at ${probe.url}.`,
        fixHint: 'Start it: openclaw gateway (foreground) or openclaw gateway start (service); then openclaw gateway status',
        cause: 'gateway-unreachable',
        evidence: [{ kind: 'probe', source: probe.url, value: `${probe.connect.error.message} after ${probe.durationMs} ms` }],
      },
    ];
  },
});
