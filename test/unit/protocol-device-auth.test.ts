import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64url, deviceIdFor, fromBase64url, publicKeyFromRaw, rawPublicKey, signPayload, signedPayload, verifyPayload } from '../../src/protocol/device-auth.js';

const fields = {
  deviceId: 'dev',
  clientId: 'cli',
  clientMode: 'cli',
  role: 'operator',
  scopes: ['operator.read', 'operator.write'],
  signedAtMs: 1700000000000,
  token: 'tok',
  nonce: 'n-1',
  platform: '  Linux ',
  deviceFamily: 'MacBookPro',
};

describe('device identity', () => {
  it('builds the v3 and v2 signed strings exactly', () => {
    expect(signedPayload(fields, 'v3')).toBe('v3|dev|cli|cli|operator|operator.read,operator.write|1700000000000|tok|n-1|linux|macbookpro');
    expect(signedPayload(fields, 'v2')).toBe('v2|dev|cli|cli|operator|operator.read,operator.write|1700000000000|tok|n-1');
    expect(signedPayload({ ...fields, platform: undefined, deviceFamily: undefined }, 'v3')).toMatch(/\|n-1\|\|$/);
  });

  it('lower-cases ASCII only (non-ASCII letters stay)', () => {
    expect(signedPayload({ ...fields, platform: 'ÄIX' }, 'v3')).toContain('|Äix|');
  });

  it('derives the device id as hex sha256 of the raw 32-byte key, and round-trips the key', () => {
    const { publicKey } = crypto.generateKeyPairSync('ed25519');
    const raw = rawPublicKey(publicKey);
    expect(raw).toHaveLength(32);
    expect(deviceIdFor(raw)).toBe(crypto.createHash('sha256').update(raw).digest('hex'));
    expect(rawPublicKey(publicKeyFromRaw(raw)).equals(raw)).toBe(true);
    expect(base64url(raw)).not.toMatch(/[=+/]/);
  });

  it('signs and verifies; any change to the payload fails', () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
    const payload = signedPayload(fields, 'v3');
    const sig = fromBase64url(signPayload(privateKey, payload))!;
    expect(sig).toHaveLength(64);
    expect(verifyPayload(publicKey, payload, sig)).toBe(true);
    expect(verifyPayload(publicKey, signedPayload({ ...fields, nonce: 'n-2' }, 'v3'), sig)).toBe(false);
    expect(verifyPayload(publicKey, signedPayload(fields, 'v2'), sig)).toBe(false);
  });

  it('rejects text that is not base64url', () => {
    expect(fromBase64url('a+b/')).toBeUndefined();
    expect(fromBase64url('abc')).toBeInstanceOf(Buffer);
  });
});
