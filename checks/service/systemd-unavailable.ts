// service/systemd-unavailable: Linux without working systemd user services (containers, WSL
// without systemd, su sessions without a user bus). Says which precondition failed.
import { en, listRef, type MessageRef } from '../../src/i18n/index.js';
import { defineCheck, say } from '../../src/engine/check.js';
import { servicesOf } from '../../src/engine/service-check-helpers.js';

/** The alternatives as one message: each in the reader's language, one after the other. */
function alternativesRef(a: { alternatives: string[]; alternativeRefs?: MessageRef[] }): MessageRef | string {
  const parts: (MessageRef | string)[] = a.alternativeRefs?.length === a.alternatives.length ? a.alternativeRefs : a.alternatives;
  return listRef('service.alternatives.then', parts) ?? '';
}

export default defineCheck({
  meta: {
    id: 'service/systemd-unavailable',
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
        // The probe's reason and alternatives are the service layer's words: English under their own
        // names, worded in the reader's language from the refs (facts recorded before them: English).
        ...say(installed ? 'service/systemd-unavailable.installed' : 'service/systemd-unavailable.reason', { reason: a.reason, reasonRef: a.reasonRef ?? a.reason, name: s.expected.name, alternatives: alternativesRef(a) }, 'service/systemd-unavailable.fix'),
        cause: 'systemd-unavailable',
        evidence: a.steps.map((step) => ({ kind: 'system' as const, source: step.check, value: en('service/systemd-unavailable.step', { ok: step.ok, detail: step.detail }) })),
        data: { failed: a.failed },
      },
    ];
  },
});
