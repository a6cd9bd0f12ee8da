// The config cannot be read or parsed: name the file, line and column; offer the last good copy.
import { fact } from '../../src/engine/check-helpers.js';
import { defineCheck } from '../../src/engine/check.js';
import type { ConfigFact } from '../../src/facts/config.js';

/** The newest saved copy that parses: last-known-good first, then the backup ring. */
export function restorableCopy(config: ConfigFact) {
  return [config.lastKnownGood, ...config.backups].find((c) => c?.raw !== undefined);
}

export default defineCheck({
  meta: {
    id: 'config/unparseable',
    title: 'The config file cannot be parsed',
    area: 'config',
    severity: 'error',
    facts: ['config'],
    fix: 'confirm',
    docs: 'seeds: Gateway troubleshooting › config validation (`openclaw config validate`)',
  },
  detect(facts) {
    const config = fact(facts, 'config');
    const e = config?.error;
    if (!config || !e) return [];
    const at = e.line ? `${e.file}:${e.line}:${e.column ?? 1}` : e.file;
    const copy = restorableCopy(config);
    return [
      {
        checkId: 'config/unparseable',
        severity: 'error',
        message: `${at}: ${e.message}. The gateway cannot start with this file (upstream misleadingly says "missing gateway.mode").`,
        fixHint: copy ? `openclaw doctor --fix --yes (restores ${copy.path}; the broken file is kept as .clobbered.<time>), or fix the text at ${at}` : e.hint,
        cause: 'config-invalid',
        // A half-written file fails on the empty line after its last one: say so rather than show nothing.
        evidence: [{ kind: 'file', source: at, value: e.excerpt === undefined ? e.code : e.excerpt.trim() || '(end of file: the text stops before the JSON is complete)' }],
        data: { restoreFrom: copy?.path },
      },
    ];
  },
  repair: (finding) => (finding.data?.restoreFrom ? [{ op: 'config.restore', from: String(finding.data.restoreFrom), keepCurrentAs: 'clobbered' }] : []),
});
