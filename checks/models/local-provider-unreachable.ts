// A loopback model backend (Ollama, LM Studio, vLLM …) that does not answer at its baseUrl: every run
// on its models fails before the model is asked anything. A remote provider that does not answer is
// the network's business, not this check's.
import { defineCheck, type Finding } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'models/local-provider-unreachable',
    title: 'A local model backend does not answer',
    area: 'models',
    severity: 'error',
    facts: ['models'],
    fix: 'none',
    docs: 'seeds: local model backends (curl /v1/models works)',
  },
  detect({ models }) {
    if (!models?.ok) return [];
    return models.value.providers
      .filter((p) => p.local && p.reachable === false)
      .map(
        (p): Finding => ({
          checkId: 'models/local-provider-unreachable',
          severity: 'error',
          message: `Local model backend not reachable: provider ${p.id} does not answer at ${p.baseUrl} (${p.error ?? 'no answer'})`,
          path: `models.providers.${p.id}.baseUrl`,
          fixHint: `Start the backend (e.g. \`ollama serve\`), or point models.providers.${p.id}.baseUrl at where it listens; then \`openclaw models status\``,
          cause: 'local-provider-unreachable',
          evidence: [{ kind: 'probe', source: p.baseUrl ?? p.id, value: p.error }],
        }),
      );
  },
});
