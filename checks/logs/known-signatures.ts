// Recent log lines the signature catalog recognises: one finding per signature, with its cause,
// the last line that matched as evidence, and the catalog's fix.
import { VERSION } from '../../src/cli/version.js';
import { fact, logEvidence } from '../../src/engine/check-helpers.js';
import { defineCheck, type Finding } from '../../src/engine/check.js';

// This doctor's probes introduce themselves as client "cli", mode "probe", our version, and a
// gateway logs a refused one like any other client (the first two forms are what a real 2026.9.6
// writes, the third is our gateway's quoted peer value). Those lines are not evidence: the live probe
// of this run says how things are now, and without this a drift fixed an hour ago stayed an error
// until the day's log rotated.
const OWN_PROBE = [`client=cli probe v${VERSION} `, `"client":"cli","mode":"probe","version":"${VERSION}"`, `client="cli probe v${VERSION}"`];
const fromOwnProbe = (text: string) => OWN_PROBE.some((s) => text.includes(s));

// Causes that say the gateway could not start or could not be reached. Once it answers (handshake
// and health), such lines are history: a setup run that found no gateway an hour ago, a start that
// lost the port race. They stay visible as info; a gateway that keeps failing is the business of
// gateway/* and service/restart-loop, which look at it now.
const OVER_WHEN_IT_ANSWERS = new Set([
  'mode-unset',
  'bind-without-auth',
  'auth-password-missing',
  'port-conflict',
  'stale-lock',
  'restart-health-timeout',
  'gateway-unreachable',
  'gateway-starting',
  'gateway-restarting',
]);

export default defineCheck({
  meta: {
    id: 'logs/known-signatures',
    title: 'Known problems in recent log lines',
    area: 'logs',
    severity: 'warning',
    facts: ['logSignatures', 'gateway'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › `openclaw logs --follow`',
  },
  detect(facts) {
    const logs = fact(facts, 'logSignatures');
    const skipped = (logs?.skipped ?? []).map(
      (s): Finding => ({
        checkId: 'logs/known-signatures',
        severity: 'info',
        message: `Skipped ${s.path}: it is a ${s.kind}, not a regular log file, so it was not read`,
        fixHint: 'remove it, or replace it with a regular file',
        evidence: [{ kind: 'file', source: s.path, value: s.kind }],
      }),
    );
    if (!logs?.matches.length) return skipped;
    const probe = fact(facts, 'gateway');
    const answersNow = probe?.ok === true && probe.connect.rpcOk;
    const bySignature = new Map<string, typeof logs.matches>();
    for (const m of logs.matches) {
      if (!fromOwnProbe(m.line.text)) bySignature.set(m.signatureId, [...(bySignature.get(m.signatureId) ?? []), m]);
    }
    const found = [...bySignature.entries()].map(([id, ms]): Finding => {
      const last = ms.at(-1)!;
      const over = answersNow && OVER_WHEN_IT_ANSWERS.has(last.cause ?? '');
      const when = last.line.time ? ` (last at ${last.line.time})` : '';
      return {
        checkId: 'logs/known-signatures',
        severity: over ? 'info' : last.severity,
        message: `${last.explain} (${id}, ${ms.length} line${ms.length === 1 ? '' : 's'})${over ? `, earlier${when}: the gateway at ${probe!.url} answers now` : ''}`,
        fixHint: [...(last.commands ?? []), ...(last.check ? [`openclaw doctor --only ${last.check}`] : [])].join('; ') || undefined,
        cause: last.cause,
        evidence: [logEvidence(last.line)],
        data: { signatureId: id },
      };
    });
    return [...found, ...skipped];
  },
});
