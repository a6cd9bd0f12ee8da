// What the last heartbeat actually did: skipped for a reason the user must act on, failed to deliver,
// or not run for much longer than `every`. Reads the runner's last event, not only the config.
import { defineCheck, type Finding, type Severity } from '../../src/engine/check.js';
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

const HINTS: Record<SkipReason, string> = {
  disabled: 'Set agents.defaults.heartbeat.every to an interval such as 30m to enable it.',
  'quiet-hours': 'Outside agents.defaults.heartbeat.activeHours; widen the window if this is unexpected.',
  'requests-in-flight': 'The agent was busy; the next beat retries.',
  'no-tasks-due': 'HEARTBEAT.md has a tasks: block with nothing due this tick.',
  'target-none': 'agents.defaults.heartbeat.target is "none": set a channel (and to) to receive heartbeats.',
  'no-target': 'Set agents.defaults.heartbeat.target to a configured channel and heartbeat.to to a recipient.',
  'unknown-account': 'agents.defaults.heartbeat.accountId names an account missing from channels.<channel>.accounts.',
  'dm-blocked': 'The target is a direct message and heartbeat.directPolicy is "block": target a group or allow DMs.',
  'alerts-disabled': 'showOk, showAlerts and useIndicator are all false for the channel: enable one.',
  'empty-heartbeat-file': 'HEARTBEAT.md has only blank lines and headers: add instructions or tasks.',
};

export default defineCheck({
  meta: {
    id: 'heartbeat/last-skipped',
    title: 'The last heartbeat did not reach anyone',
    area: 'heartbeat',
    severity: 'warning',
    facts: ['heartbeat'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › cron and heartbeat delivery',
  },
  detect({ heartbeat }) {
    if (!heartbeat?.ok) return [];
    const { last, settings, collectedAt } = heartbeat.value;
    const out: Finding[] = [];
    if (last?.status === 'skipped' && last.reason) {
      out.push({
        checkId: 'heartbeat/last-skipped',
        severity: SEVERITY[last.reason] ?? 'warning',
        message: `last heartbeat skipped reason=${last.reason}${last.detail ? ` (${last.detail})` : ''}`,
        fixHint: HINTS[last.reason],
        cause: 'heartbeat-skipped',
        evidence: [{ kind: 'file', source: 'heartbeat/last.json', value: `${new Date(last.ts).toISOString()} skipped reason=${last.reason}` }],
        data: { reason: last.reason },
      });
    } else if (last?.status === 'failed') {
      out.push({
        checkId: 'heartbeat/last-skipped',
        severity: 'error',
        message: `last heartbeat failed to deliver to ${last.channel}/${last.accountId}: ${last.error}`,
        fixHint: '`openclaw channels status --probe`',
        cause: 'heartbeat-skipped',
        evidence: [{ kind: 'file', source: 'heartbeat/last.json', value: last.error }],
      });
    }
    if (settings.enabled && last && collectedAt - last.ts > 3 * settings.everyMs) {
      out.push({
        checkId: 'heartbeat/last-skipped',
        severity: 'warning',
        message: `no heartbeat since ${new Date(last.ts).toISOString()} although every is ${formatDuration(settings.everyMs)}: is the gateway running?`,
        fixHint: '`openclaw gateway status`',
        cause: 'heartbeat-skipped',
      });
    }
    return out;
  },
});
