// service/systemd-unavailable: Linux without working systemd user services (containers, WSL
// without systemd, su sessions without a user bus). Says which precondition failed.
import { defineCheck } from '../../src/engine/check.js';
import { servicesOf } from '../../src/engine/service-check-helpers.js';

export default defineCheck({
  meta: {
    id: 'service/systemd-unavailable',
    title: 'systemd user services available',
    area: 'service',
    severity: 'warning',
    facts: ['services'],
    fix: 'none',
    docs: 'reference: §6 Services; seeds: Gateway troubleshooting › service manager',
  },
  detect(facts) {
    const s = servicesOf(facts);
    const a = s?.availability;
    if (!s || s.kind !== 'systemd' || !a || a.ok) return [];
    // With no unit installed nothing is broken: in a container or WSL the gateway runs in the
    // foreground or under another supervisor, and `gateway install` explains this when tried.
    // Saying it on every run would bury real findings.
    const installed = Boolean(s.installed);
    if (!installed) return [];
    return [
      {
        checkId: 'service/systemd-unavailable',
        // Without an installed unit this only limits options; with one, nothing runs it.
        severity: installed ? 'warning' : 'info',
        message: installed ? `${a.reason}. The installed unit ${s.expected.name} cannot be started here.` : `${a.reason}.`,
        fixHint: a.alternatives.join(' '),
        cause: 'systemd-unavailable',
        evidence: a.steps.map((step) => ({ kind: 'system' as const, source: step.check, value: `${step.ok ? 'ok' : 'failed'}: ${step.detail}` })),
        data: { failed: a.failed },
      },
    ];
  },
});
