// commands.restart=false: the gateway refuses every restart request (CLI, Control UI, an update's
// handoff, SIGUSR1), so a config change that needs a restart never takes effect. A choice, so the
// fix is shown, not applied.
import { configEvidence, get, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'gateway/restart-disabled',
    area: 'gateway',
    severity: 'warning',
    facts: ['config'],
    fix: 'none',
    docs: 'upstream: "Gateway restart is disabled (commands.restart=false)." (test/corpus/upstream-messages.jsonl)',
  },
  detect(facts) {
    const p = parsedConfig(facts);
    if (!p || get(p.cfg, 'commands.restart') !== false) return [];
    return [
      {
        checkId: 'gateway/restart-disabled',
        severity: 'warning',
        ...say('gateway/restart-disabled.message'),
        path: 'commands.restart',
        cause: 'restart-disabled',
        evidence: [configEvidence('commands.restart', false)],
      },
    ];
  },
});
