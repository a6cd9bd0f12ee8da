// meta.lastTouchedVersion newer than the releases this toolkit knows: warn before anything edits it.
import { compareVersions, configEvidence, get, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

/** The newest OpenClaw release this toolkit was checked against (reference: releases 2026.4–2026.9). */
export const NEWEST_KNOWN = '2026.9.99';

export default defineCheck({
  meta: {
    id: 'config/newer-version',
    area: 'config',
    severity: 'warning',
    facts: ['config'],
    fix: 'none',
    docs: 'reference: Config was last written by a newer OpenClaw',
  },
  detect(facts) {
    const p = parsedConfig(facts);
    const v = p && get(p.cfg, 'meta.lastTouchedVersion');
    if (typeof v !== 'string' || !/^\d{4}\.\d+/.test(v) || compareVersions(v, NEWEST_KNOWN) <= 0) return [];
    return [
      {
        checkId: 'config/newer-version',
        severity: 'warning',
        ...say('config/newer-version.config-was-last', { v }),
        path: 'meta.lastTouchedVersion',
        cause: 'config-newer-version',
        evidence: [configEvidence('meta.lastTouchedVersion', v)],
      },
    ];
  },
});
