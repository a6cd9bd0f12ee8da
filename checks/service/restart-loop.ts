// service/restart-loop: the service manager keeps restarting a gateway that cannot bind its port.
// Evidence: EADDRINUSE lines in the service's gateway.err.log and/or systemd's NRestarts.
import { defineCheck } from '../../src/engine/check.js';
import { servicesOf } from '../../src/engine/service-check-helpers.js';

const RESTARTING = new Set(['always', 'on-failure', 'on-abnormal', 'on-abort', 'on-watchdog', 'conditional']);
/** One EADDRINUSE is a race at boot; this many in the log tail is a loop. */
const MIN_LOG_LINES = 2;
const MIN_RESTARTS = 3;

export default defineCheck({
  meta: {
    id: 'service/restart-loop',
    title: 'Service is not restart-looping on a port conflict',
    area: 'service',
    severity: 'error',
    facts: ['services'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › another gateway instance is already listening / EADDRINUSE',
  },
  detect(facts) {
    const s = servicesOf(facts);
    const svc = s?.installed;
    if (!s || !svc || !RESTARTING.has(svc.definition.restart ?? '')) return [];
    const lines = s.errorLog?.addressInUse ?? [];
    const restarts = s.runtime?.restarts ?? 0;
    const looping = lines.length >= MIN_LOG_LINES || (lines.length >= 1 && restarts >= MIN_RESTARTS);
    if (!looping) return [];
    const port = svc.port.value;
    const counts = [`${lines.length} port-conflict line(s) in ${s.errorLog?.file}`, s.runtime?.restarts !== undefined ? `NRestarts=${restarts}` : undefined];
    return [
      {
        checkId: 'service/restart-loop',
        severity: 'error',
        message: `${svc.definition.name} (Restart=${svc.definition.restart}) keeps restarting the gateway into a port conflict on ${port}: ${counts.filter(Boolean).join(', ')}.`,
        fixHint: `See who holds port ${port} with \`openclaw gateway status --deep\`; stop the other gateway (or give this one another port), then \`openclaw gateway restart\`.`,
        cause: 'port-conflict',
        evidence: [
          ...lines.slice(-3).map((line) => ({ kind: 'log' as const, source: s.errorLog?.file ?? 'gateway.err.log', value: line })),
          ...(s.runtime?.restarts !== undefined ? [{ kind: 'service' as const, source: `${svc.definition.name} NRestarts`, value: String(restarts) }] : []),
        ],
        data: { port, logLines: lines.length, restarts },
      },
    ];
  },
});
