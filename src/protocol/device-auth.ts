// Ed25519 device identity (reference §4): key encoding, device id, the v3/v2 signed strings, sign/verify.
import crypto from 'node:crypto';

/** Signatures older or newer than this are refused. */
export const SIGNATURE_SKEW_MS = 2 * 60_000;

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function base64url(buf: Buffer): string {
  return buf.toString('base64url');
}

export function fromBase64url(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) return undefined;
  return Buffer.from(text, 'base64url');
}

/** The raw 32-byte public key of an Ed25519 key object. */
export function rawPublicKey(key: crypto.KeyObject): Buffer {
  const spki = key.export({ format: 'der', type: 'spki' });
  return spki.subarray(spki.length - 32);
}

export function publicKeyFromRaw(raw: Buffer): crypto.KeyObject {
  return crypto.createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function deviceIdFor(raw: Buffer): string {
  return crypto.createHash('sha256').update(raw).digest('hex');
}

export interface SignedFields {
  deviceId: string;
  clientId: string;
  clientMode: string;
  role: string;
  scopes: string[];
  signedAtMs: number;
  token: string;
  nonce: string;
  platform?: string;
  deviceFamily?: string;
}

/** Trimmed, ASCII lower-cased (other characters untouched), empty when absent. */
function normalizeMeta(value: string | undefined): string {
  return (value ?? '').trim().replace(/[A-Z]/g, (c) => c.toLowerCase());
}

export function signedPayload(f: SignedFields, version: 'v3' | 'v2'): string {
  const parts = ['v2', f.deviceId, f.clientId, f.clientMode, f.role, f.scopes.join(','), String(f.signedAtMs), f.token, f.nonce];
  if (version === 'v2') return parts.join('|');
  parts[0] = 'v3';
  return [...parts, normalizeMeta(f.platform), normalizeMeta(f.deviceFamily)].join('|');
}

export function signPayload(privateKey: crypto.KeyObject, payload: string): string {
  return base64url(crypto.sign(null, Buffer.from(payload, 'utf8'), privateKey));
}

export function verifyPayload(publicKey: crypto.KeyObject, payload: string, signature: Buffer): boolean {
  try {
    return crypto.verify(null, Buffer.from(payload, 'utf8'), publicKey, signature);
  } catch {
    return false;
  }
}
