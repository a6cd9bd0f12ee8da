// Device pairing state (reference §1, §4): devices/pending.json holds open requests, devices/paired.json
// approved devices with their roles, scopes and device tokens. Both are written atomically, mode 0600.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { stateLayout } from '../config/paths.js';
import { ensureStateDir, writeFileAtomic } from '../config/write.js';

export interface DeviceToken {
  token: string;
  role: string;
  scopes: string[];
  createdAtMs: number;
  rotatedAtMs?: number;
}

/** What a device says about itself in its connect request; kept on requests and paired entries alike. */
export interface DeviceDescriptor {
  deviceId: string;
  publicKey: string;
  displayName?: string;
  platform?: string;
  deviceFamily?: string;
  clientId?: string;
  clientMode?: string;
}

export interface PairedDevice extends DeviceDescriptor {
  roles: string[];
  scopes: string[];
  tokens: Record<string, DeviceToken>;
  createdAtMs: number;
  approvedAtMs: number;
  remoteIp?: string;
}

export type PairingReason = 'not-paired' | 'role-upgrade' | 'scope-upgrade' | 'metadata-upgrade';

export interface PendingRequest extends DeviceDescriptor {
  requestId: string;
  role: string;
  scopes: string[];
  reason: PairingReason;
  remoteIp?: string;
  ts: number;
}

export interface DeviceClaim {
  deviceId: string;
  publicKey: string;
  role: string;
  scopes: string[];
  displayName?: string;
  platform?: string;
  deviceFamily?: string;
  clientId?: string;
  clientMode?: string;
  remoteIp?: string;
}

/** Pending requests older than this are dropped (upstream lets them expire too). */
const PENDING_TTL_MS = 60 * 60_000;

export function newDeviceToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

function readJson<T>(file: string, fallback: T): T {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return fallback;
  }
}

/** `operator.admin` covers everything; `operator.write` covers `operator.read`. */
export function scopeSatisfied(granted: string[], wanted: string): boolean {
  if (granted.includes(wanted) || granted.includes('operator.admin')) return true;
  return wanted === 'operator.read' && granted.includes('operator.write');
}

export class PairingStore {
  readonly pendingPath: string;
  readonly pairedPath: string;
  private pending: Record<string, PendingRequest>;
  private paired: Record<string, PairedDevice>;

  constructor(stateDir: string) {
    const layout = stateLayout(stateDir);
    this.pendingPath = layout.devicesPending;
    this.pairedPath = layout.devicesPaired;
    this.pending = readJson(this.pendingPath, {});
    this.paired = readJson(this.pairedPath, {});
  }

  /** Re-read both files (the CLI or another process may have changed them). */
  reload(): void {
    this.pending = readJson(this.pendingPath, {});
    this.paired = readJson(this.pairedPath, {});
  }

  getPaired(deviceId: string): PairedDevice | undefined {
    return this.paired[deviceId];
  }

  listPaired(): PairedDevice[] {
    return Object.values(this.paired);
  }

  listPending(now = Date.now()): PendingRequest[] {
    return Object.values(this.pending).filter((p) => now - p.ts < PENDING_TTL_MS);
  }

  /** Why this claim is not covered by the device's approval; undefined when it is. */
  pairingGap(claim: DeviceClaim): PairingReason | undefined {
    const dev = this.paired[claim.deviceId];
    if (!dev) return 'not-paired';
    if (dev.publicKey !== claim.publicKey) return 'not-paired';
    if (!dev.roles.includes(claim.role)) return 'role-upgrade';
    if (!claim.scopes.every((s) => scopeSatisfied(dev.scopes, s))) return 'scope-upgrade';
    return undefined;
  }

  /** Opens (or refreshes) the pending request for this device. */
  request(claim: DeviceClaim, reason: PairingReason): { request: PendingRequest; created: boolean } {
    const existing = Object.values(this.pending).find((p) => p.deviceId === claim.deviceId && p.role === claim.role);
    const request: PendingRequest = {
      ...claim,
      requestId: existing?.requestId ?? crypto.randomUUID(),
      reason,
      ts: Date.now(),
    };
    this.pending[request.requestId] = request;
    this.savePending();
    return { request, created: !existing };
  }

  /** Approves a claim directly (loopback auto-pair) or a pending request by id. */
  approve(claimOrRequestId: DeviceClaim | string): PairedDevice | undefined {
    let claim: DeviceClaim;
    if (typeof claimOrRequestId === 'string') {
      const req = this.pending[claimOrRequestId];
      if (!req) return undefined;
      claim = req;
      delete this.pending[claimOrRequestId];
      this.savePending();
    } else claim = claimOrRequestId;
    const now = Date.now();
    const prev = this.paired[claim.deviceId];
    const samekey = prev && prev.publicKey === claim.publicKey;
    const dev: PairedDevice = {
      deviceId: claim.deviceId,
      publicKey: claim.publicKey,
      displayName: claim.displayName ?? prev?.displayName,
      platform: claim.platform ?? prev?.platform,
      deviceFamily: claim.deviceFamily ?? prev?.deviceFamily,
      clientId: claim.clientId ?? prev?.clientId,
      clientMode: claim.clientMode ?? prev?.clientMode,
      roles: [...new Set([...(samekey ? prev.roles : []), claim.role])],
      scopes: [...new Set([...(samekey ? prev.scopes : []), ...claim.scopes])],
      tokens: samekey ? prev.tokens : {},
      createdAtMs: samekey ? prev.createdAtMs : now,
      approvedAtMs: now,
      remoteIp: claim.remoteIp,
    };
    this.paired[dev.deviceId] = dev;
    this.savePaired();
    return dev;
  }

  reject(requestId: string): PendingRequest | undefined {
    const req = this.pending[requestId];
    if (!req) return undefined;
    delete this.pending[requestId];
    this.savePending();
    return req;
  }

  remove(deviceId: string): boolean {
    if (!this.paired[deviceId]) return false;
    delete this.paired[deviceId];
    this.savePaired();
    return true;
  }

  /** The device token for a role, issued on first use. */
  ensureToken(deviceId: string, role: string, scopes: string[]): DeviceToken {
    const dev = this.paired[deviceId];
    if (!dev) throw new Error(`device ${deviceId} is not paired`);
    const cur = dev.tokens[role];
    if (cur && scopes.every((s) => scopeSatisfied(cur.scopes, s)) && sameSet(cur.scopes, scopes)) return cur;
    const token: DeviceToken = { token: cur?.token ?? newDeviceToken(), role, scopes, createdAtMs: cur?.createdAtMs ?? Date.now() };
    dev.tokens[role] = token;
    this.savePaired();
    return token;
  }

  rotateToken(deviceId: string, role: string): DeviceToken | undefined {
    const dev = this.paired[deviceId];
    if (!dev) return undefined;
    const prev = dev.tokens[role];
    const token: DeviceToken = {
      token: newDeviceToken(),
      role,
      scopes: prev?.scopes ?? dev.scopes,
      createdAtMs: prev?.createdAtMs ?? Date.now(),
      rotatedAtMs: Date.now(),
    };
    dev.tokens[role] = token;
    this.savePaired();
    return token;
  }

  revokeToken(deviceId: string, role: string): boolean {
    const dev = this.paired[deviceId];
    if (!dev?.tokens[role]) return false;
    delete dev.tokens[role];
    this.savePaired();
    return true;
  }

  private savePending(): void {
    const now = Date.now();
    for (const [id, p] of Object.entries(this.pending)) if (now - p.ts >= PENDING_TTL_MS) delete this.pending[id];
    this.save(this.pendingPath, this.pending);
  }

  private savePaired(): void {
    this.save(this.pairedPath, this.paired);
  }

  private save(file: string, value: unknown): void {
    ensureStateDir(path.dirname(path.dirname(file)));
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
  }
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Shows a device token only by its first characters (for lists and logs). */
export function tokenHint(token: string): string {
  return `${token.slice(0, 4)}…`;
}
