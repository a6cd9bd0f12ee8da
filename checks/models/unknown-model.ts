// Configured models the backend does not serve (`GET /v1/models` lacks them): every run on them fails.
import { defineCheck, type Finding } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'models/unknown-model',
    title: 'Configured models are not served by their backend',
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
          message: `provider ${p.id} does not serve model "${id}" (it serves: ${(p.servedModels ?? []).slice(0, 8).join(', ') || 'nothing'})`,
          path: p.models.find((m) => m.id === id)?.configPath,
          fixHint: `Load the model in the backend, or change the id to one of the served models (curl ${p.baseUrl}/models)`,
          cause: 'unknown-model',
        }),
      ),
    );
  },
});
