// This machine's device identity (identity/device.json, 0600, created on first use) and its cached
// device tokens (identity/device-auth.json), as upstream keeps them (reference §1).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { stateLayout } from '../config/paths.js';
import { writeFileAtomic } from '../config/write.js';
import { base64url, deviceIdFor, rawPublicKey } from '../protocol/device-auth.js';

export interface DeviceIdentity {
  deviceId: string;
  publicKey: string; // base64url of the raw 32 bytes
  privateKey: crypto.KeyObject;
}

interface StoredIdentity {
  version: 1;
  deviceId: string;
  publicKeyPem: string;
  privateKeyPem: string;
  createdAtMs: number;
}

function fromPem(stored: StoredIdentity): DeviceIdentity {
  const privateKey = crypto.createPrivateKey(stored.privateKeyPem);
  const raw = rawPublicKey(crypto.createPublicKey(privateKey));
  return { deviceId: deviceIdFor(raw), publicKey: base64url(raw), privateKey };
}

export function loadOrCreateIdentity(stateDir: string): DeviceIdentity {
  const file = stateLayout(stateDir).deviceIdentity;
  try {
    return fromPem(JSON.parse(fs.readFileSync(file, 'utf8')) as StoredIdentity);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      // A damaged identity is kept aside, never silently overwritten.
      if (fs.existsSync(file)) fs.renameSync(file, `${file}.corrupt.${Date.now()}`);
    }
  }
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  const stored: StoredIdentity = {
    version: 1,
    deviceId: deviceIdFor(raw),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    createdAtMs: Date.now(),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileAtomic(file, `${JSON.stringify(stored, null, 2)}\n`, 0o600);
  return { deviceId: stored.deviceId, publicKey: base64url(raw), privateKey };
}

interface DeviceAuthFile {
  version: 1;
  deviceId: string;
  tokens: Record<string, { token: string; role: string; scopes: string[]; updatedAtMs: number }>;
}

export function readDeviceToken(stateDir: string, deviceId: string, role: string): string | undefined {
  try {
    const f = JSON.parse(fs.readFileSync(stateLayout(stateDir).deviceAuth, 'utf8')) as DeviceAuthFile;
    return f.deviceId === deviceId ? f.tokens?.[role]?.token : undefined;
  } catch {
    return undefined;
  }
}

export function storeDeviceToken(stateDir: string, deviceId: string, entry: { token: string; role: string; scopes: string[] }): void {
  const file = stateLayout(stateDir).deviceAuth;
  let f: DeviceAuthFile = { version: 1, deviceId, tokens: {} };
  try {
    const cur = JSON.parse(fs.readFileSync(file, 'utf8')) as DeviceAuthFile;
    if (cur.deviceId === deviceId) f = cur;
  } catch {
    /* first token */
  }
  if (f.tokens[entry.role]?.token === entry.token) return;
  f.tokens[entry.role] = { ...entry, updatedAtMs: Date.now() };
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileAtomic(file, `${JSON.stringify(f, null, 2)}\n`, 0o600);
}

export function clearDeviceToken(stateDir: string, role: string): void {
  const file = stateLayout(stateDir).deviceAuth;
  try {
    const f = JSON.parse(fs.readFileSync(file, 'utf8')) as DeviceAuthFile;
    if (!f.tokens?.[role]) return;
    delete f.tokens[role];
    writeFileAtomic(file, `${JSON.stringify(f, null, 2)}\n`, 0o600);
  } catch {
    /* nothing cached */
  }
}
