// The `cron` fact for the doctor: the scheduler switch, the store, every job's last run and next wake.
import type { Fact } from '../../facts/types.js';
import type { JsonObject } from '../../config/load.js';
import { cronEnabled, viewJob, type CronJobView } from './rpc.js';
import { cronStorePath, nextWakeAt, readCronStore } from './store.js';

export interface CronFact {
  enabled: boolean;
  storePath: string;
  jobs: CronJobView[];
  nextWakeAtMs: number | null;
}

export function collectCronFact(input: { stateDir: string; config: JsonObject }): Fact<CronFact> {
  const storePath = cronStorePath(input.stateDir, input.config as { cron?: { store?: unknown } });
  try {
    const store = readCronStore(storePath);
    return { ok: true, value: { enabled: cronEnabled(input.config), storePath, jobs: store.jobs.map(viewJob), nextWakeAtMs: nextWakeAt(store) ?? null } };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}
