// Model providers from `models.providers.<id>` (OpenAI-compatible backends: OpenAI, Ollama, LM Studio,
// vLLM, …) and the per-model settings the checks care about: contextWindow and compat flags.
import type { JsonObject } from '../../config/load.js';
import { objectAt } from '../context.js';

export interface ModelCompat {
  requiresStringContent?: boolean;
  supportsTools?: boolean;
}

export interface ProviderModel {
  id: string;
  index: number;
  contextWindow?: number;
  compat: ModelCompat;
}

export type KeyState = 'set' | 'missing' | 'env-unset' | 'not-needed';

export interface Provider {
  id: string;
  baseUrl?: string;
  /** The OpenAI-compatible API root, ending in /v1 (or whatever version the baseUrl names). */
  apiRoot?: string;
  api?: string;
  /** A loopback backend (Ollama, LM Studio) needs no key. */
  local: boolean;
  keyState: KeyState;
  /** The environment variable an unresolved `${VAR}` key refers to. */
  keyEnv?: string;
  apiKey?: string;
  models: ProviderModel[];
}

function isLoopbackUrl(url: string): boolean {
  try {
    const h = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return h === 'localhost' || h === '::1' || /^127\./.test(h);
  } catch {
    return false;
  }
}

export function apiRootOf(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return /\/v\d+$/.test(trimmed) ? trimmed : `${trimmed}/v1`;
}

export function resolveProviders(config: JsonObject): Provider[] {
  const providers = objectAt(objectAt(config.models).providers);
  return Object.entries(providers).map(([id, raw]) => {
    const p = objectAt(raw);
    const baseUrl = typeof p.baseUrl === 'string' && p.baseUrl ? p.baseUrl : undefined;
    const local = baseUrl ? isLoopbackUrl(baseUrl) : false;
    const key = typeof p.apiKey === 'string' ? p.apiKey.trim() : '';
    const envRef = /^\$\{([A-Z_][A-Z0-9_]*)\}$/.exec(key)?.[1];
    let keyState: KeyState = 'set';
    if (envRef) keyState = 'env-unset'; // the loader leaves a reference to an unset variable as written
    else if (!key) keyState = local ? 'not-needed' : 'missing';
    const models = (Array.isArray(p.models) ? p.models : []).map((m, index) => {
      const o = objectAt(m);
      return {
        id: String(o.id ?? ''),
        index,
        contextWindow: typeof o.contextWindow === 'number' ? o.contextWindow : undefined,
        compat: objectAt(o.compat) as ModelCompat,
      };
    });
    return { id, baseUrl, apiRoot: baseUrl ? apiRootOf(baseUrl) : undefined, api: typeof p.api === 'string' ? p.api : undefined, local, keyState, keyEnv: envRef, apiKey: keyState === 'set' ? key : undefined, models };
  });
}

/** Models with `agents.defaults.models["<provider>/<model>"].params.context1m: true` (long-context beta). */
export function context1mModels(config: JsonObject): string[] {
  const models = objectAt(objectAt(objectAt(config.agents).defaults).models);
  return Object.entries(models)
    .filter(([, v]) => objectAt(objectAt(v).params).context1m === true)
    .map(([k]) => k);
}
