// The `models` fact: `models status` without chat probes by default (listing /v1/models is cheap; a
// chat costs tokens), so the doctor sees keys, reachability, unknown models and context windows.
import type { JsonObject } from '../config/load.js';
import type { Fact } from './fact.js';
import { modelsStatus, type ModelsStatus } from '../subsystems/models/status.js';

export type ModelsFact = ModelsStatus;

export async function collectModelsFact(input: { config: JsonObject; probe?: boolean; offline?: boolean; timeoutMs?: number }): Promise<Fact<ModelsFact>> {
  try {
    return { ok: true, value: await modelsStatus(input.config, { probe: input.probe, offline: input.offline, timeoutMs: input.timeoutMs ?? 2000 }) };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}
