// gateway.mode missing: the gateway refuses to start ("Gateway start blocked"). Fix: set it to local;
// with no config at all, write what `openclaw setup` writes (loopback and a token too: in a container
// an unset bind is 0.0.0.0, which upstream refuses to open without auth).
import { fact, get, newToken } from '../../src/engine/check-helpers.js';
import { setupGateway } from '../../src/config/setup.js';
import { defineCheck, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'gateway/mode-unset',
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
          ...say('gateway/mode-unset.no-config-file', { path: config.path }),
          path: 'gateway.mode',
          cause: 'mode-unset',
          evidence: [{ kind: 'file', source: config.path, value: `missing (${config.pathSource})` }],
          data: { create: true },
        },
      ];
    }
    if (get(config.resolved, 'gateway.mode') !== undefined) return [];
    return [
      {
        checkId: 'gateway/mode-unset',
        severity: 'error',
        ...say('gateway/mode-unset.gateway-mode-set'),
        path: 'gateway.mode',
        cause: 'mode-unset',
        evidence: [{ kind: 'config', source: 'gateway.mode', value: '(unset)' }],
      },
    ];
  },
  repair: (finding) =>
    finding.data?.create
      ? [{ op: 'config.set', path: 'gateway', value: setupGateway(newToken()) }]
      : [{ op: 'config.set', path: 'gateway.mode', value: 'local' }],
});
