// `models status [--probe]`: each provider's key state, whether its backend answers /v1/models and
// serves the configured models, each model's context window and compat flags, and with --probe a
// one-token chat per model. Failures are classified (string content, auth, unknown model).
import type { JsonObject } from '../../config/load.js';
import type { SubsystemLog } from '../log.js';
import { listServedModels, probeChat } from './client.js';
import { contextWindowVerdict, isAuthError, isStringContentError, unknownModels } from './detect.js';
import { context1mModels, resolveProviders, type KeyState, type ModelCompat } from './providers.js';

export interface ModelStatus {
  id: string;
  /** Dotted config path of the model entry (for findings and repairs). */
  configPath: string;
  contextWindow?: number;
  contextVerdict: ReturnType<typeof contextWindowVerdict>;
  compat: ModelCompat;
  /** Whether /v1/models lists it (null when the list could not be read). */
  served: boolean | null;
  probe?: { ok: true; latencyMs: number } | { ok: false; latencyMs: number; status?: number; error: string; stringContent: boolean };
}

export interface ProviderStatus {
  id: string;
  baseUrl?: string;
  local: boolean;
  key: KeyState;
  keyEnv?: string;
  reachable: boolean | null;
  status?: number;
  error?: string;
  authError: boolean;
  servedModels?: string[];
  unknownModels: string[];
  models: ModelStatus[];
}

export interface ModelsStatus {
  providers: ProviderStatus[];
  context1m: string[];
}

export interface ModelsStatusOptions {
  probe?: boolean;
  /** Skip network requests entirely (config-only view). */
  offline?: boolean;
  timeoutMs?: number;
  log?: SubsystemLog;
}

export async function modelsStatus(config: JsonObject, opts: ModelsStatusOptions = {}): Promise<ModelsStatus> {
  const timeout = opts.timeoutMs ?? 3000;
  const providers = await Promise.all(
    resolveProviders(config).map(async (p): Promise<ProviderStatus> => {
      const s: ProviderStatus = { id: p.id, baseUrl: p.baseUrl, local: p.local, key: p.keyState, keyEnv: p.keyEnv, reachable: null, authError: false, unknownModels: [], models: [] };
      let served: string[] | undefined;
      if (!opts.offline && p.apiRoot) {
        const list = await listServedModels(p, timeout);
        if (list.ok) {
          s.reachable = true;
          served = list.ids;
          s.servedModels = served;
          s.unknownModels = unknownModels(p.models.map((m) => m.id), served);
        } else {
          s.reachable = list.status !== undefined; // it answered, with an error
          s.status = list.status;
          s.error = list.error;
          s.authError = isAuthError(list.status);
          opts.log?.warn(`models: provider ${p.id}: ${list.error}`, { provider: p.id, status: list.status });
        }
      }
      for (const m of p.models) {
        const ms: ModelStatus = {
          id: m.id,
          configPath: `models.providers.${p.id}.models[${m.index}]`,
          contextWindow: m.contextWindow,
          contextVerdict: contextWindowVerdict(m.contextWindow),
          compat: m.compat,
          served: served ? !s.unknownModels.includes(m.id) : null,
        };
        if (opts.probe && !opts.offline && p.apiRoot) {
          const r = await probeChat(p, m, timeout);
          ms.probe = r.ok ? r : { ...r, stringContent: isStringContentError(r.error) };
          if (!r.ok) {
            if (isAuthError(r.status)) s.authError = true;
            opts.log?.warn(`models: ${p.id}/${m.id} probe failed: ${r.error}`, { provider: p.id, model: m.id, status: r.status });
          }
        }
        s.models.push(ms);
      }
      return s;
    }),
  );
  return { providers, context1m: context1mModels(config) };
}
