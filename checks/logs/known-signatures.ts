// Recent log lines the signature catalog recognises: one finding per signature, with its cause,
// the last line that matched as evidence, and the catalog's fix.
import { fact, logEvidence } from '../../src/engine/check-helpers.js';
import { defineCheck, type Finding } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'logs/known-signatures',
    title: 'Known problems in recent log lines',
    area: 'logs',
    severity: 'warning',
    facts: ['logSignatures'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › openclaw logs --follow',
  },
  detect(facts) {
    const logs = fact(facts, 'logSignatures');
    if (!logs?.matches.length) return [];
    const bySignature = new Map<string, typeof logs.matches>();
    for (const m of logs.matches) bySignature.set(m.signatureId, [...(bySignature.get(m.signatureId) ?? []), m]);
    return [...bySignature.entries()].map(([id, ms]): Finding => {
      const last = ms.at(-1)!;
      return {
        checkId: 'logs/known-signatures',
        severity: last.severity,
        message: `${last.explain} (${id}, ${ms.length} line${ms.length === 1 ? '' : 's'})`,
        fixHint: [...(last.commands ?? []), ...(last.check ? [`openclaw doctor --only ${last.check}`] : [])].join('; ') || undefined,
        cause: last.cause,
        evidence: [logEvidence(last.line)],
        data: { signatureId: id },
      };
    });
  },
});
