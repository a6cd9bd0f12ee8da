import lastSkipped from '../../../checks/heartbeat/last-skipped.js';
import { quietOn, testCheck } from '../../helpers/check-tester.js';

const failing = ['subsystems-heartbeat/failed', 'subsystems-heartbeat/not-running', 'subsystems-heartbeat/quiet-hours', 'subsystems-heartbeat/unknown-account'];

testCheck(lastSkipped, {
  valid: quietOn(failing),
  invalid: [
    {
      fixture: 'subsystems-heartbeat/failed',
      findings: [{ severity: 'error', messageId: 'heartbeat/last-skipped.last-heartbeat-failed', params: { channel: 'webhook', accountId: 'default', error: 'HTTP 403 Forbidden: missing_scope' } }],
    },
    { fixture: 'subsystems-heartbeat/not-running', findings: [{ severity: 'warning', messageId: 'heartbeat/last-skipped.no-heartbeat-since', params: { at: '2026-11-21T17:26:40.000Z', everyMs: '30m' } }] },
    // Skipped in quiet hours is expected: info, with the reason's own hint.
    {
      fixture: 'subsystems-heartbeat/quiet-hours',
      findings: [{ severity: 'info', messageId: 'heartbeat/last-skipped.last-heartbeat-skipped', params: { reason: 'quiet-hours', detail: null }, fixHintId: 'heartbeat/last-skipped.hint.quiet-hours' }],
    },
    {
      fixture: 'subsystems-heartbeat/unknown-account',
      findings: [
        {
          severity: 'error',
          messageId: 'heartbeat/last-skipped.last-heartbeat-skipped',
          params: { reason: 'unknown-account', detail: 'accountId "ops" is not in channels.webhook.accounts' },
          fixHintId: 'heartbeat/last-skipped.hint.unknown-account',
        },
      ],
    },
  ],
});
