// A key or a closed-set value one typo away from a known one (`gateway.prot`, `auth.mode: "tokn"`):
// the config fails validation and the gateway will not start. The repair keeps the value: it moves
// a mistyped key's value to the key meant, or sets the value meant. A guess, so it asks first.
import { configEvidence, get, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck, type Finding, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'config/mistyped',
    area: 'config',
    severity: 'error',
    facts: ['config'],
    fix: 'confirm',
    docs: 'seeds: Gateway troubleshooting › config validation (`openclaw config validate`)',
  },
  detect(facts) {
    const p = parsedConfig(facts);
    if (!p) return [];
    const out: Finding[] = [];
    for (const i of p.config.issues) {
      if (i.didYouMean) {
        const taken = get(p.config.raw, i.didYouMean) !== undefined;
        out.push({
          checkId: 'config/mistyped',
          severity: 'error',
          ...say(taken ? 'config/mistyped.key-both-set' : 'config/mistyped.key', { path: i.path, meant: i.didYouMean }),
          path: i.path,
          cause: 'config-invalid',
          evidence: [configEvidence(i.path, get(p.config.raw, i.path)), configEvidence(i.didYouMean, get(p.config.raw, i.didYouMean))],
          data: taken ? undefined : { move: { from: i.path, to: i.didYouMean } },
        });
      } else if (i.suggestedValue !== undefined) {
        out.push({
          checkId: 'config/mistyped',
          severity: 'error',
          ...say('config/mistyped.message', { path: i.path, message: i.message, messageRef: i.reason ?? i.message, suggestedValue: i.suggestedValue }),
          path: i.path,
          cause: 'config-invalid',
          evidence: [configEvidence(i.path, get(p.config.raw, i.path))],
          data: { set: { path: i.path, value: i.suggestedValue } },
        });
      }
    }
    return out;
  },
  repair(finding) {
    const move = finding.data?.move as { from: string; to: string } | undefined;
    if (move) return [{ op: 'config.move', from: move.from, to: move.to }];
    const set = finding.data?.set as { path: string; value: string } | undefined;
    return set ? [{ op: 'config.set', path: set.path, value: set.value }] : [];
  },
});
