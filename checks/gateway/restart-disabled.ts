// commands.restart=false: the gateway refuses every restart request (CLI, Control UI, an update's
// handoff, SIGUSR1), so a config change that needs a restart never takes effect. A choice, so the
// fix is shown, not applied.
import { configEvidence, get, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'gateway/restart-disabled',
    title: 'Gateway restarts disabled (commands.restart=false)',
    area: 'gateway',
    severity: 'warning',
    facts: ['config'],
    fix: 'none',
    docs: 'upstream: "Gateway restart is disabled (commands.restart=false)."',
  },
  detect(facts) {
    const p = parsedConfig(facts);
    if (!p || get(p.cfg, 'commands.restart') !== false) return [];
    return [
      {
        checkId: 'gateway/restart-disabled',
        severity: 'warning',
        message: 'commands.restart is false: the gateway refuses restart requests, so changes that need a restart (and updates) wait until it is stopped and started by hand.',
        path: 'commands.restart',
        fixHint: '`openclaw config set commands.restart true`, or stop and start it: `openclaw gateway stop` then `openclaw gateway start`',
        cause: 'restart-disabled',
        evidence: [configEvidence('commands.restart', false)],
      },
    ];
  },
});
