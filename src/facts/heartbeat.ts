// The `heartbeat` fact: the effective settings, HEARTBEAT.md (its text and its shape) and the last
// recorded event. HEARTBEAT.md is looked up where the agent's workspace is (`~` is the home dir).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JsonObject } from '../config/load.js';
import { stateLayout } from '../config/paths.js';
import type { Fact } from './fact.js';
import { objectAt } from '../subsystems/context.js';
import { heartbeatSettings, type HeartbeatSettings } from '../subsystems/heartbeat/evaluate.js';
import { parseHeartbeatFile } from '../subsystems/heartbeat/heartbeat-file.js';
import { readLastHeartbeat, type HeartbeatEvent } from '../subsystems/heartbeat/runner.js';

export interface HeartbeatFileFact {
  path: string;
  exists: boolean;
  /** The first 64 KiB of the file. */
  content?: string;
  empty?: boolean;
  tasks?: number;
  problems?: string[];
}

export interface HeartbeatFact {
  settings: HeartbeatSettings;
  heartbeatFile: HeartbeatFileFact;
  last: HeartbeatEvent | null;
  /** When the fact was collected (checks compare the last event's age against `every`). */
  collectedAt: number;
}

const MAX_BYTES = 64 * 1024;

export function heartbeatPath(stateDir: string, config: JsonObject): string {
  const ws = objectAt(objectAt(config.agents).defaults).workspace;
  if (typeof ws === 'string' && ws) {
    const dir = ws === '~' || ws.startsWith('~/') ? path.join(os.homedir(), ws.slice(1)) : path.resolve(stateDir, ws);
    return path.join(dir, 'HEARTBEAT.md');
  }
  return stateLayout(stateDir).heartbeatFile;
}

function readHeartbeatFile(file: string): HeartbeatFileFact {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { path: file, exists: false };
  }
  const parsed = parseHeartbeatFile(text);
  return { path: file, exists: true, content: text.slice(0, MAX_BYTES), empty: parsed.empty, tasks: parsed.tasks?.length, problems: parsed.problems };
}

export function collectHeartbeatFact(input: { stateDir: string; config: JsonObject; now?: number }): Fact<HeartbeatFact> {
  try {
    const heartbeatFile = readHeartbeatFile(heartbeatPath(input.stateDir, input.config));
    return { ok: true, value: { settings: heartbeatSettings(input.config), heartbeatFile, last: readLastHeartbeat(input.stateDir), collectedAt: input.now ?? Date.now() } };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}
