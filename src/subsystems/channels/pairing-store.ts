// DM pairing requests per channel, as upstream keeps them: pending requests in
// `<stateDir>/credentials/<channel>-pairing.json`, approved senders in `<channel>-allowFrom.json`.
// A request lives one hour; at most three are pending per account so a flood cannot grow the file.
import crypto from 'node:crypto';
import path from 'node:path';
import { RpcError } from '../../protocol/rpc.js';
import { readJsonFile, writeJsonFile } from '../json-file.js';

export const PAIRING_TTL_MS = 60 * 60_000;
export const MAX_PENDING_PER_ACCOUNT = 3;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I

export interface PairingRequest {
  code: string;
  channel: string;
  accountId: string;
  senderId: string;
  createdAt: number;
  lastSeenAt: number;
  meta?: Record<string, string>;
}

interface PairingFile {
  version: 1;
  requests: PairingRequest[];
}
interface AllowFromFile {
  version: 1;
  allowFrom: string[];
}

const safe = (channel: string) => channel.replace(/[^A-Za-z0-9_-]/g, '_');
export const pairingFile = (stateDir: string, channel: string) => path.join(stateDir, 'credentials', `${safe(channel)}-pairing.json`);
export const allowFromFile = (stateDir: string, channel: string) => path.join(stateDir, 'credentials', `${safe(channel)}-allowFrom.json`);

export function normalizeSender(id: string | number): string {
  return String(id).trim().toLowerCase().replace(/^(user|dm):/, '');
}

function readPending(stateDir: string, channel: string, now: number): PairingRequest[] {
  const f = readJsonFile<PairingFile>(pairingFile(stateDir, channel));
  return (f?.requests ?? []).filter((r) => now - r.lastSeenAt < PAIRING_TTL_MS);
}

function newCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
  return code;
}

/** `openclaw pairing list --channel C [--account A]`: pending, unexpired requests, oldest first. */
export function listPairingRequests(stateDir: string, channel: string, opts: { accountId?: string; now?: number } = {}): PairingRequest[] {
  const now = opts.now ?? Date.now();
  return readPending(stateDir, channel, now).filter((r) => !opts.accountId || r.accountId === opts.accountId);
}

export type UpsertResult = { request: PairingRequest; created: boolean } | { request: undefined; created: false; full: true };

/** Records (or refreshes) a sender's pairing request and returns its code. */
export function upsertPairingRequest(stateDir: string, input: { channel: string; accountId: string; senderId: string; meta?: Record<string, string> }, now = Date.now()): UpsertResult {
  const pending = readPending(stateDir, input.channel, now);
  const sender = normalizeSender(input.senderId);
  const existing = pending.find((r) => r.accountId === input.accountId && normalizeSender(r.senderId) === sender);
  if (existing) {
    existing.lastSeenAt = now;
    writeJsonFile(pairingFile(stateDir, input.channel), { version: 1, requests: pending } satisfies PairingFile);
    return { request: existing, created: false };
  }
  if (pending.filter((r) => r.accountId === input.accountId).length >= MAX_PENDING_PER_ACCOUNT) return { request: undefined, created: false, full: true };
  const request: PairingRequest = { code: newCode(), channel: input.channel, accountId: input.accountId, senderId: String(input.senderId), createdAt: now, lastSeenAt: now, meta: input.meta };
  pending.push(request);
  writeJsonFile(pairingFile(stateDir, input.channel), { version: 1, requests: pending } satisfies PairingFile);
  return { request, created: true };
}

export function readApprovedSenders(stateDir: string, channel: string): string[] {
  return readJsonFile<AllowFromFile>(allowFromFile(stateDir, channel))?.allowFrom ?? [];
}

/** `openclaw pairing approve --channel C <code>`: moves the sender into the channel's approved list. */
export function approvePairingCode(stateDir: string, channel: string, code: string, opts: { accountId?: string; now?: number } = {}): PairingRequest {
  const now = opts.now ?? Date.now();
  const pending = readPending(stateDir, channel, now);
  const wanted = code.trim().toUpperCase();
  const req = pending.find((r) => r.code === wanted && (!opts.accountId || r.accountId === opts.accountId));
  if (!req) throw new RpcError('NOT_FOUND', `no pending pairing request with code ${wanted} for channel ${channel} (codes expire after one hour)`);
  const approved = new Set(readApprovedSenders(stateDir, channel));
  approved.add(normalizeSender(req.senderId));
  writeJsonFile(allowFromFile(stateDir, channel), { version: 1, allowFrom: [...approved] } satisfies AllowFromFile);
  writeJsonFile(pairingFile(stateDir, channel), { version: 1, requests: pending.filter((r) => r !== req) } satisfies PairingFile);
  return req;
}

export function rejectPairingCode(stateDir: string, channel: string, code: string, now = Date.now()): PairingRequest {
  const pending = readPending(stateDir, channel, now);
  const req = pending.find((r) => r.code === code.trim().toUpperCase());
  if (!req) throw new RpcError('NOT_FOUND', `no pending pairing request with code ${code} for channel ${channel}`);
  writeJsonFile(pairingFile(stateDir, channel), { version: 1, requests: pending.filter((r) => r !== req) } satisfies PairingFile);
  return req;
}
