// The config changed badly compared with its last-known-good copy: gateway.mode was lost, or the
// file shrank to less than half. Fix (with --yes): restore it, keeping the bad file as .clobbered.<ts>.
import { fact, get } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'config/clobbered',
    area: 'config',
    severity: 'error',
    facts: ['config'],
    fix: 'confirm',
    docs: 'seeds: Gateway troubleshooting › config auto-restored from last-known-good',
  },
  detect(facts) {
    const config = fact(facts, 'config');
    const good = config?.lastKnownGood;
    if (!config?.raw || config.error || !good?.raw || config.size === undefined) return [];
    const modeLost = get(good.raw, 'gateway.mode') !== undefined && get(config.raw, 'gateway.mode') === undefined;
    const shrank = config.size * 2 < good.size;
    if (!modeLost && !shrank) return [];
    return [
      {
        checkId: 'config/clobbered',
        severity: 'error',
        ...say('config/clobbered.config-looks-clobbered', { modeLost, shrank, before: good.size, after: config.size }),
        cause: 'config-clobbered',
        evidence: [
          { kind: 'file', source: config.path, value: `${config.size} bytes` },
          { kind: 'file', source: good.path, value: `${good.size} bytes` },
        ],
        data: { restoreFrom: good.path },
      },
    ];
  },
  repair: (finding) => [{ op: 'config.restore', from: String(finding.data?.restoreFrom), keepCurrentAs: 'clobbered' }],
});
