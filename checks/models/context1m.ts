// context1m on a model whose credentials are not eligible: "HTTP 429: rate_limit_error: Extra usage
// is required for long context requests". Fix (with --yes): turn context1m off for that model.
import { configEvidence, logEvidence, logLinesWith, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';
import { formatPath } from '../../src/config/schema.js';

export default defineCheck({
  meta: {
    id: 'models/context1m',
    area: 'models',
    severity: 'warning',
    facts: ['config', 'logs'],
    fix: 'confirm',
    docs: 'seeds: Why OpenClaw Gateway Fails › long context (context1m) 429',
  },
  detect(facts) {
    const p = parsedConfig(facts);
    const models = p?.cfg.agents?.defaults?.models;
    if (!models || typeof models !== 'object') return [];
    const lines = logLinesWith(facts, 'Extra usage is required for long context'); // i18n-ignore: the provider's error text
    if (lines.length === 0) return [];
    return Object.entries(models)
      .filter(([, m]: [string, any]) => m?.params?.context1m === true)
      .map(([key]) => {
        const path = formatPath(['agents', 'defaults', 'models', key, 'params', 'context1m']);
        return {
          checkId: 'models/context1m',
          severity: 'warning' as const,
          ...say('models/context1m.has-context1m-enabled', { key }),
          path,
          cause: 'context1m-429',
          evidence: [configEvidence(path, true), logEvidence(lines.at(-1)!)],
        };
      });
  },
  repair: (finding) => (finding.path ? [{ op: 'config.set', path: finding.path, value: false }] : []),
});
