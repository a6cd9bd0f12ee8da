// The Node.js version: below the toolkit's minimum is an error; a release past end-of-life is advice.
import { compareVersions, fact } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

export const MIN_NODE = '20.19.0';
/** Node 20 reached end-of-life on 2026-04-30. */
const EOL_BEFORE = '22.0.0';

export default defineCheck({
  meta: {
    id: 'system/node-version',
    area: 'system',
    severity: 'error',
    facts: ['system'],
    fix: 'none',
    docs: 'seeds: Gateway runbook › requirements (Node.js)',
  },
  detect(facts) {
    const s = fact(facts, 'system');
    if (!s) return [];
    const evidence = [{ kind: 'system' as const, source: 'node --version', value: `v${s.nodeVersion}` }];
    if (compareVersions(s.nodeVersion, MIN_NODE) < 0) {
      return [{ checkId: 'system/node-version', severity: 'error', ...say('system/node-version.node-js-v', { nodeVersion: s.nodeVersion, MIN_NODE }), cause: 'node-version-unsupported', evidence }];
    }
    if (compareVersions(s.nodeVersion, EOL_BEFORE) < 0) {
      return [{ checkId: 'system/node-version', severity: 'info', ...say('system/node-version.node-js-v-2', { nodeVersion: s.nodeVersion }), cause: 'node-version-unsupported', evidence }];
    }
    return [];
  },
});
