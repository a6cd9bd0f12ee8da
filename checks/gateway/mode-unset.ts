// gateway.mode missing: the gateway refuses to start ("Gateway start blocked"). Fix: set it to local.
import { fact, get } from '../../src/engine/check-helpers.js';
import { defineCheck } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'gateway/mode-unset',
    title: 'gateway.mode must be set for the gateway to start',
    area: 'gateway',
    severity: 'error',
    facts: ['config'],
    fix: 'safe',
    docs: 'seeds: Gateway errors › Gateway Start Blocked',
  },
  detect(facts) {
    const config = fact(facts, 'config');
    if (!config || config.error) return [];
    if (!config.exists) {
      return [
        {
          checkId: 'gateway/mode-unset',
          severity: 'error',
          message: `No config file at ${config.path}: the gateway refuses to start ("Missing config").`,
          path: 'gateway.mode',
          fixHint: '`openclaw doctor --fix` (creates it with gateway.mode=local), or `openclaw setup`',
          cause: 'mode-unset',
          evidence: [{ kind: 'file', source: config.path, value: `missing (${config.pathSource})` }],
        },
      ];
    }
    if (get(config.resolved, 'gateway.mode') !== undefined) return [];
    return [
      {
        checkId: 'gateway/mode-unset',
        severity: 'error',
        message: 'gateway.mode is not set, so `openclaw gateway` refuses to start ("Gateway start blocked").',
        path: 'gateway.mode',
        fixHint: '`openclaw doctor --fix` (sets gateway.mode=local), or `openclaw config set gateway.mode local`',
        cause: 'mode-unset',
        evidence: [{ kind: 'config', source: 'gateway.mode', value: '(unset)' }],
      },
    ];
  },
  repair: () => [{ op: 'config.set', path: 'gateway.mode', value: 'local' }],
});
