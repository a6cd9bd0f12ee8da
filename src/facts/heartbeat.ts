// HEARTBEAT.md in the agent workspace: what the heartbeat runner reads before every beat.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stateLayout } from '../config/paths.js';
import type { ConfigFact } from './config.js';

export interface HeartbeatFact {
  path: string;
  exists: boolean;
  content?: string;
}

const MAX_BYTES = 64 * 1024;

export function heartbeatPath(config: ConfigFact): string {
  const ws = (config.resolved?.agents as any)?.defaults?.workspace;
  if (typeof ws === 'string' && ws) {
    const dir = ws === '~' || ws.startsWith('~/') ? path.join(os.homedir(), ws.slice(1)) : path.resolve(config.stateDir, ws);
    return path.join(dir, 'HEARTBEAT.md');
  }
  return stateLayout(config.stateDir).heartbeatFile;
}

export function collectHeartbeat(config: ConfigFact): HeartbeatFact {
  const file = heartbeatPath(config);
  try {
    const buf = fs.readFileSync(file);
    return { path: file, exists: true, content: buf.subarray(0, MAX_BYTES).toString('utf8') };
  } catch {
    return { path: file, exists: false };
  }
}
