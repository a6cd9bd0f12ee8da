// Small JSON stores under the state dir the checks read: pending device pairings. (Cron jobs are the
// `cron` fact, cron.ts, read with the scheduler's own store reader.)
import fs from 'node:fs';
import { stateLayout } from '../config/paths.js';

export interface PendingDevice {
  requestId: string;
  deviceId?: string;
  displayName?: string;
  role?: string;
  reason?: string;
  createdAtMs?: number;
}

export interface DevicesFact {
  path: string;
  exists: boolean;
  pending: PendingDevice[];
  error?: string;
}

function readJson(file: string): { exists: boolean; value?: unknown; error?: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { exists: false };
  }
  try {
    return { exists: true, value: JSON.parse(text) };
  } catch (err) {
    return { exists: true, error: `not valid JSON: ${(err as Error).message}` };
  }
}

/** A list stored either as an array or as an object keyed by id (both shapes occur). */
function records(value: unknown, listKey: string): [string, Record<string, unknown>][] {
  const list = value && typeof value === 'object' && !Array.isArray(value) && listKey in value ? (value as any)[listKey] : value;
  if (Array.isArray(list)) return list.filter((v) => v && typeof v === 'object').map((v, i) => [String(v.requestId ?? v.id ?? i), v]);
  if (list && typeof list === 'object') return Object.entries(list).filter(([, v]) => v && typeof v === 'object') as [string, Record<string, unknown>][];
  return [];
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function collectDevices(stateDir: string): DevicesFact {
  const file = stateLayout(stateDir).devicesPending;
  const r = readJson(file);
  const pending = records(r.value, 'pending').map(([key, v]) => ({
    requestId: str(v.requestId) ?? key,
    deviceId: str(v.deviceId),
    displayName: str(v.displayName) ?? str((v.client as any)?.displayName),
    role: str(v.role),
    reason: str(v.reason),
    createdAtMs: typeof v.createdAtMs === 'number' ? v.createdAtMs : typeof v.ts === 'number' ? v.ts : undefined,
  }));
  return { path: file, exists: r.exists, pending, error: r.error };
}
