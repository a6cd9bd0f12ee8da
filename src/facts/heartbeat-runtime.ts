// The `heartbeat` fact: the effective settings, HEARTBEAT.md's shape and the last recorded event.
import fs from 'node:fs';
import type { JsonObject } from '../config/load.js';
import type { Fact } from './fact.js';
import { heartbeatSettings, type HeartbeatSettings } from '../subsystems/heartbeat/evaluate.js';
import { parseHeartbeatFile } from '../subsystems/heartbeat/heartbeat-file.js';
import { heartbeatPaths, readLastHeartbeat, type HeartbeatEvent } from '../subsystems/heartbeat/runner.js';

export interface HeartbeatFact {
  settings: HeartbeatSettings;
  heartbeatFile: { path: string; exists: boolean; empty?: boolean; tasks?: number; problems?: string[] };
  last: HeartbeatEvent | null;
  /** When the fact was collected (checks compare the last event's age against `every`). */
  collectedAt: number;
}

export function collectHeartbeatFact(input: { stateDir: string; config: JsonObject; now?: number }): Fact<HeartbeatFact> {
  const paths = heartbeatPaths(input.stateDir, input.config);
  try {
    let heartbeatFile: HeartbeatFact['heartbeatFile'] = { path: paths.heartbeatFile, exists: false };
    if (fs.existsSync(paths.heartbeatFile)) {
      const parsed = parseHeartbeatFile(fs.readFileSync(paths.heartbeatFile, 'utf8'));
      heartbeatFile = { path: paths.heartbeatFile, exists: true, empty: parsed.empty, tasks: parsed.tasks?.length, problems: parsed.problems };
    }
    return { ok: true, value: { settings: heartbeatSettings(input.config), heartbeatFile, last: readLastHeartbeat(input.stateDir), collectedAt: input.now ?? Date.now() } };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}
