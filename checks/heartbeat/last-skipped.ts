// What the last heartbeat actually did: skipped for a reason the user must act on, failed to deliver,
// or not run for much longer than `every`. Reads the runner's last event, not only the config.
import { defineCheck, type Finding, type Severity, say } from '../../src/engine/check.js';
import type { SkipReason } from '../../src/subsystems/heartbeat/evaluate.js';
import { formatDuration } from '../../src/system/duration.js';

/** Reasons that are the heartbeat working as configured are info; the rest need a change. */
const SEVERITY: Record<SkipReason, Severity> = {
  disabled: 'info',
  'quiet-hours': 'info',
  'requests-in-flight': 'info',
  'no-tasks-due': 'info',
  'target-none': 'warning',
  'no-target': 'warning',
  'unknown-account': 'error',
  'dm-blocked': 'warning',
  'alerts-disabled': 'warning',
  'empty-heartbeat-file': 'warning',
};

// Each skip reason's fix hint is `heartbeat/last-skipped.hint.<reason>` in the catalog.

export default defineCheck({
  meta: {
    id: 'heartbeat/last-skipped',
    area: 'heartbeat',
    severity: 'warning',
    facts: ['heartbeatRuntime'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › cron and heartbeat delivery',
  },
  detect({ heartbeatRuntime: heartbeat }) {
    if (!heartbeat?.ok) return [];
    const { last, settings, collectedAt } = heartbeat.value;
    const out: Finding[] = [];
    if (last?.status === 'skipped' && last.reason) {
      out.push({
        checkId: 'heartbeat/last-skipped',
        severity: SEVERITY[last.reason] ?? 'warning',
        ...say('heartbeat/last-skipped.last-heartbeat-skipped', { reason: last.reason, detail: last.detail ?? null }, `heartbeat/last-skipped.hint.${last.reason}`),
        cause: 'heartbeat-skipped',
        evidence: [{ kind: 'file', source: 'heartbeat/last.json', value: `${new Date(last.ts).toISOString()} skipped reason=${last.reason}` /* i18n-ignore: the runner's event, as logged */ }],
        data: { reason: last.reason },
      });
    } else if (last?.status === 'failed') {
      out.push({
        checkId: 'heartbeat/last-skipped',
        severity: 'error',
        ...say('heartbeat/last-skipped.last-heartbeat-failed', { channel: last.channel, accountId: last.accountId, error: last.error }),
        cause: 'heartbeat-skipped',
        evidence: [{ kind: 'file', source: 'heartbeat/last.json', value: last.error }],
      });
    }
    if (settings.enabled && last && collectedAt - last.ts > 3 * settings.everyMs) {
      out.push({
        checkId: 'heartbeat/last-skipped',
        severity: 'warning',
        ...say('heartbeat/last-skipped.no-heartbeat-since', { at: new Date(last.ts).toISOString(), everyMs: formatDuration(settings.everyMs) }),
        cause: 'heartbeat-skipped',
      });
    }
    return out;
  },
});
