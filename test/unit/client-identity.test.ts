import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { failureFromError } from '../../src/client/connection.js';
import { clearDeviceToken, loadOrCreateIdentity, readDeviceToken, storeDeviceToken } from '../../src/client/identity.js';
import { resolveTarget } from '../../src/client/target.js';
import { resolvePaths } from '../../src/config/paths.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-id-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('device identity file', () => {
  it('is created once with mode 0600 and reused', () => {
    const a = loadOrCreateIdentity(dir);
    const file = path.join(dir, 'identity', 'device.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateIdentity(dir).deviceId).toBe(a.deviceId);
    expect(a.deviceId).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps a damaged identity aside instead of overwriting it silently', () => {
    const file = path.join(dir, 'identity', 'device.json');
    fs.writeFileSync(file, 'garbage');
    const b = loadOrCreateIdentity(dir);
    expect(b.deviceId).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readdirSync(path.join(dir, 'identity')).some((f) => f.startsWith('device.json.corrupt.'))).toBe(true);
  });

  it('caches device tokens per role, for this device only', () => {
    const id = loadOrCreateIdentity(dir);
    storeDeviceToken(dir, id.deviceId, { token: 'tok', role: 'operator', scopes: [] });
    expect(readDeviceToken(dir, id.deviceId, 'operator')).toBe('tok');
    expect(readDeviceToken(dir, 'other', 'operator')).toBeUndefined();
    clearDeviceToken(dir, 'operator');
    expect(readDeviceToken(dir, id.deviceId, 'operator')).toBeUndefined();
  });
});

describe('typed failures', () => {
  it('maps gateway errors to kinds with their details', () => {
    expect(failureFromError({ code: 'NOT_PAIRED', message: 'pairing required', details: { code: 'PAIRING_REQUIRED', requestId: 'r1' } })).toMatchObject({ kind: 'pairing', requestId: 'r1', errorCode: 'NOT_PAIRED' });
    expect(failureFromError({ code: 'INVALID_REQUEST', message: 'protocol mismatch', details: { expectedProtocol: 4 } })).toMatchObject({ kind: 'protocol', expectedProtocol: 4 });
    expect(failureFromError({ code: 'INVALID_REQUEST', message: 'unauthorized: x', details: { code: 'AUTH_TOKEN_MISMATCH', canRetryWithDeviceToken: true, recommendedNextStep: 'retry_with_device_token' } })).toMatchObject({
      kind: 'auth',
      code: 'AUTH_TOKEN_MISMATCH',
      canRetryWithDeviceToken: true,
      recommendedNextStep: 'retry_with_device_token',
    });
    expect(failureFromError({ code: 'INVALID_REQUEST', message: 'origin not allowed', details: { code: 'CONTROL_UI_ORIGIN_NOT_ALLOWED' } }).kind).toBe('origin');
  });
});

describe('target resolution', () => {
  it('flag > env > config for the token; URL from the port', () => {
    const state = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-tgt-'));
    fs.writeFileSync(path.join(state, 'openclaw.json'), JSON.stringify({ gateway: { port: 19999, auth: { token: 'cfg' } } }));
    const paths = resolvePaths({ env: { OPENCLAW_STATE_DIR: state } });
    expect(resolveTarget(paths, {}, {})).toMatchObject({ url: 'ws://127.0.0.1:19999', token: 'cfg' });
    expect(resolveTarget(paths, {}, { OPENCLAW_GATEWAY_TOKEN: 'env' }).token).toBe('env');
    expect(resolveTarget(paths, { token: 'flag', url: 'ws://h:1' }, { OPENCLAW_GATEWAY_TOKEN: 'env' })).toMatchObject({ token: 'flag', url: 'ws://h:1', urlSource: 'flag --url' });
    fs.rmSync(state, { recursive: true, force: true });
  });
});
