// The Node.js version: below the toolkit's minimum is an error; a release past end-of-life is advice.
import { compareVersions, fact } from '../../src/engine/check-helpers.js';
import { defineCheck } from '../../src/engine/check.js';

export const MIN_NODE = '20.19.0';
/** Node 20 reached end-of-life on 2026-04-30. */
const EOL_BEFORE = '22.0.0';

export default defineCheck({
  meta: {
    id: 'system/node-version',
    title: 'Node.js version',
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
      return [{ checkId: 'system/node-version', severity: 'error', message: `Node.js v${s.nodeVersion} is too old: the toolkit and gateway need ${MIN_NODE} or newer.`, fixHint: 'Install Node.js 22 or 24 LTS (nvm install 24)', cause: 'node-version-unsupported', evidence }];
    }
    if (compareVersions(s.nodeVersion, EOL_BEFORE) < 0) {
      return [{ checkId: 'system/node-version', severity: 'info', message: `Node.js v${s.nodeVersion} is past end-of-life (April 2026); current OpenClaw releases need Node 24.`, fixHint: 'Plan an upgrade to Node.js 24 LTS', cause: 'node-version-unsupported', evidence }];
    }
    return [];
  },
});
