// Devices waiting for approval: they get "pairing required" until someone approves them.
import { fact } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'devices/pairing-pending',
    area: 'devices',
    severity: 'warning',
    facts: ['devices'],
    fix: 'none',
    docs: 'seeds: Gateway errors › Pairing Required',
  },
  detect(facts) {
    const d = fact(facts, 'devices');
    if (!d?.pending.length) return [];
    const first = d.pending[0];
    return [
      {
        checkId: 'devices/pairing-pending',
        severity: 'warning',
        ...say('devices/pairing-pending.device-waiting-approval', { count: d.pending.length, requestId: first.requestId }),
        cause: 'pairing-required',
        evidence: d.pending.slice(0, 5).map((p) => ({ kind: 'file' as const, source: `${d.path} requestId ${p.requestId}`, value: [p.displayName, p.deviceId?.slice(0, 12), p.role, p.reason].filter(Boolean).join(' · ') || 'pending' })),
      },
    ];
  },
});
