// A provider that only accepts string message content: "messages[...].content: invalid type:
// sequence, expected a string". Fix: compat.requiresStringContent=true on that provider's models.
import { logEvidence, logLinesWith, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';
import { formatPath } from '../../src/config/schema.js';

const OFFICIAL = /api\.(openai|anthropic)\.com|generativelanguage\.googleapis\.com/;

export default defineCheck({
  meta: {
    id: 'models/string-content',
    area: 'models',
    severity: 'warning',
    facts: ['config', 'logs'],
    fix: 'safe',
    docs: 'reference: models (compat.requiresStringContent)',
  },
  detect(facts) {
    const lines = logLinesWith(facts, /content: invalid type: sequence, expected a string/);
    const p = parsedConfig(facts);
    if (lines.length === 0 || !p) return [];
    const custom = Object.entries((p.cfg.models?.providers ?? {}) as Record<string, any>).filter(([, prov]) => Array.isArray(prov?.models) && !OFFICIAL.test(String(prov.baseUrl ?? '')));
    const providers = custom.filter(([, prov]) => prov.models.some((m: any) => m?.compat?.requiresStringContent !== true));
    if (custom.length > 0 && providers.length === 0) return []; // already configured: the log line is from before
    const paths = providers.length === 1 ? providers[0][1].models.map((m: any, i: number) => (m?.compat?.requiresStringContent === true ? undefined : formatPath(['models', 'providers', providers[0][0], 'models', i, 'compat', 'requiresStringContent']))).filter(Boolean) : [];
    return [
      {
        checkId: 'models/string-content',
        severity: 'warning',
        ...(providers.length === 1
          ? say('models/string-content.one', { provider: providers[0][0] })
          : say('models/string-content.unknown', { candidates: providers.map(([n]) => n).join(', ') || null })),
        path: providers.length === 1 ? formatPath(['models', 'providers', providers[0][0]]) : undefined,
        cause: 'string-content-compat',
        evidence: [logEvidence(lines.at(-1)!)],
        data: { paths },
      },
    ];
  },
  repair: (finding) => ((finding.data?.paths as string[]) ?? []).map((path) => ({ op: 'config.set' as const, path, value: true })),
});
