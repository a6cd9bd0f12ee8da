// A live probe got `messages[...].content: invalid type: sequence, expected a string`: the backend
// only takes string content. The repair sets compat.requiresStringContent on that model (safe: it
// only changes how messages are encoded for it).
import { defineCheck, type Finding, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'models/string-content-probe',
    area: 'models',
    severity: 'error',
    facts: ['models'],
    fix: 'safe',
    docs: 'seeds: local model backends (messages[...].content: invalid type: sequence, expected a string)',
  },
  detect({ models }) {
    if (!models?.ok) return [];
    return models.value.providers.flatMap((p) =>
      p.models
        .filter((m) => m.probe && !m.probe.ok && m.probe.stringContent && !m.compat.requiresStringContent)
        .map(
          (m): Finding => ({
            checkId: 'models/string-content-probe',
            severity: 'error',
            ...say('models/string-content-probe.rejects-array-content', { provider: p.id, model: m.id, error: m.probe && !m.probe.ok ? m.probe.error : '', configPath: m.configPath }),
            path: `${m.configPath}.compat.requiresStringContent`,
            cause: 'string-content-compat',
            data: { path: `${m.configPath}.compat.requiresStringContent` },
          }),
        ),
    );
  },
  repair(f) {
    return [{ op: 'config.set', path: String(f.data?.path), value: true }];
  },
});
