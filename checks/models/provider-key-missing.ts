// A remote provider without a usable key: none configured, a `${VAR}` whose variable is unset, or a
// key the backend rejects with 401/403. Loopback backends (Ollama, LM Studio) need none.
import { defineCheck, type Finding } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'models/provider-key-missing',
    title: 'A model provider has no working API key',
    area: 'models',
    severity: 'error',
    facts: ['models'],
    fix: 'none',
    docs: 'seeds: local model backends, Anthropic 429',
  },
  detect({ models }) {
    if (!models?.ok) return [];
    const out: Finding[] = [];
    for (const p of models.value.providers) {
      const path = `models.providers.${p.id}.apiKey`;
      if (p.key === 'missing') out.push({ checkId: 'models/provider-key-missing', severity: 'error', message: `provider ${p.id} (${p.baseUrl}) has no apiKey`, path, fixHint: `\`openclaw config set ${path} '\${${p.id.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_API_KEY}'\` and export the variable`, cause: 'provider-auth-missing' });
      else if (p.key === 'env-unset') out.push({ checkId: 'models/provider-key-missing', severity: 'error', message: `provider ${p.id}: apiKey refers to \${${p.keyEnv}}, which is not set in this environment`, path, fixHint: `export ${p.keyEnv}=… in the gateway's environment (for a service: \`openclaw gateway install --force\` after setting it)`, cause: 'provider-auth-missing' });
      else if (p.authError) out.push({ checkId: 'models/provider-key-missing', severity: 'error', message: `provider ${p.id} rejected its key: ${p.error ?? `HTTP ${p.status}`}`, path, fixHint: `Replace ${path} with a valid key`, cause: 'provider-auth-missing', evidence: [{ kind: 'probe', source: `${p.baseUrl}/models`, value: p.error }] });
    }
    return out;
  },
});
