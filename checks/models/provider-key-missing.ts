// A remote provider without a usable key: none configured, a `${VAR}` whose variable is unset, or a
// key the backend rejects with 401/403. Loopback backends (Ollama, LM Studio) need none.
import { defineCheck, type Finding, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'models/provider-key-missing',
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
      if (p.key === 'missing') out.push({ checkId: 'models/provider-key-missing', severity: 'error', ...say('models/provider-key-missing.provider-has-no', { id: p.id, baseUrl: p.baseUrl, path, envRef: `'\${${p.id.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_API_KEY}'` }), path, cause: 'provider-auth-missing' });
      else if (p.key === 'env-unset') out.push({ checkId: 'models/provider-key-missing', severity: 'error', ...say('models/provider-key-missing.provider-apikey-refers', { id: p.id, keyEnv: p.keyEnv }), path, cause: 'provider-auth-missing' });
      else if (p.authError) out.push({ checkId: 'models/provider-key-missing', severity: 'error', ...say('models/provider-key-missing.provider-rejected-key', { id: p.id, error: p.error ?? `HTTP ${p.status}`, path }), path, cause: 'provider-auth-missing', evidence: [{ kind: 'probe', source: `${p.baseUrl}/models`, value: p.error }] });
    }
    return out;
  },
});
