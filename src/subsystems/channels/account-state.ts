// What happened on each channel account, kept in `<stateDir>/channels/<channel>/<accountId>.json` so
// `channels status`, the heartbeat's `target: "last"` and the doctor see it without a running gateway.
import fs from 'node:fs';
import path from 'node:path';
import { readJsonFile, writeJsonFile } from '../json-file.js';
import type { DropReason } from './policy.js';

export interface DeliveryError {
  at: number;
  status?: number;
  /** unauthorized | forbidden | missing_scope | not_in_channel | http_error | unreachable | timeout | not_configured */
  code: string;
  message: string;
}

export interface ChannelAccountState {
  inbound: number;
  accepted: number;
  drops: Partial<Record<DropReason | 'pairing', number>>;
  lastInboundAt?: number;
  lastOutboundAt?: number;
  lastDrop?: { at: number; reason: DropReason | 'pairing'; from: string; groupId?: string };
  lastError?: DeliveryError;
  lastContact?: { to: string; chatType: 'direct' | 'group'; at: number };
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');
export const accountStatePath = (stateDir: string, channel: string, accountId: string) => path.join(stateDir, 'channels', safe(channel), `${safe(accountId)}.json`);

export function readAccountState(stateDir: string, channel: string, accountId: string): ChannelAccountState {
  let s: ChannelAccountState | undefined;
  try {
    s = readJsonFile<ChannelAccountState>(accountStatePath(stateDir, channel, accountId));
  } catch {
    s = undefined; // a damaged state file only loses counters; start over
  }
  return { inbound: 0, accepted: 0, drops: {}, ...s };
}

export function updateAccountState(stateDir: string, channel: string, accountId: string, mutate: (s: ChannelAccountState) => void): ChannelAccountState {
  const s = readAccountState(stateDir, channel, accountId);
  mutate(s);
  writeJsonFile(accountStatePath(stateDir, channel, accountId), s);
  return s;
}

/** Every account with recorded state, newest contact first (the heartbeat's `target: "last"`). */
export function lastContactAcross(stateDir: string): { channel: string; accountId: string; to: string; chatType: 'direct' | 'group' } | undefined {
  const root = path.join(stateDir, 'channels');
  let best: { channel: string; accountId: string; to: string; chatType: 'direct' | 'group'; at: number } | undefined;
  for (const channel of safeReaddir(root)) {
    for (const file of safeReaddir(path.join(root, channel))) {
      if (!file.endsWith('.json')) continue;
      const accountId = file.slice(0, -5);
      const c = readAccountState(stateDir, channel, accountId).lastContact;
      if (c && (!best || c.at > best.at)) best = { channel, accountId, to: c.to, chatType: c.chatType, at: c.at };
    }
  }
  if (!best) return undefined;
  const { at: _at, ...contact } = best;
  return contact;
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
