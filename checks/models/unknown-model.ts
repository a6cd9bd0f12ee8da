// Configured models the backend does not serve (`GET /v1/models` lacks them): every run on them fails.
import { defineCheck, type Finding, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'models/unknown-model',
    area: 'models',
    severity: 'error',
    facts: ['models'],
    fix: 'none',
    docs: 'seeds: local model backends (curl /v1/models works)',
  },
  detect({ models }) {
    if (!models?.ok) return [];
    return models.value.providers.flatMap((p) =>
      p.unknownModels.map(
        (id): Finding => ({
          checkId: 'models/unknown-model',
          severity: 'error',
          ...say('models/unknown-model.provider-does-serve', { provider: p.id, model: id, served: (p.servedModels ?? []).slice(0, 8).join(', ') || null, baseUrl: p.baseUrl }),
          path: p.models.find((m) => m.id === id)?.configPath,
          cause: 'unknown-model',
        }),
      ),
    );
  },
});
