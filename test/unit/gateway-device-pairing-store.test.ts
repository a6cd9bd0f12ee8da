import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PairingStore, scopeSatisfied } from '../../src/gateway/device-pairing-store.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-pair-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const claim = { deviceId: 'd1', publicKey: 'pk', role: 'operator', scopes: ['operator.read'] };

describe('pairing store', () => {
  it('tracks the gap: not-paired, then role-upgrade and scope-upgrade after approval', () => {
    const s = new PairingStore(dir);
    expect(s.pairingGap(claim)).toBe('not-paired');
    const { request, created } = s.request(claim, 'not-paired');
    expect(created).toBe(true);
    expect(s.request(claim, 'not-paired').request.requestId).toBe(request.requestId);
    s.approve(request.requestId);
    expect(s.pairingGap(claim)).toBeUndefined();
    expect(s.pairingGap({ ...claim, scopes: ['operator.admin'] })).toBe('scope-upgrade');
    expect(s.pairingGap({ ...claim, role: 'node' })).toBe('role-upgrade');
    expect(s.pairingGap({ ...claim, publicKey: 'other' })).toBe('not-paired');
    expect(s.listPending()).toHaveLength(0);
  });

  it('persists to devices/paired.json (0600), issues, rotates and revokes tokens', () => {
    const s = new PairingStore(dir);
    const t = s.ensureToken('d1', 'operator', ['operator.read']);
    expect(s.ensureToken('d1', 'operator', ['operator.read']).token).toBe(t.token);
    const r = s.rotateToken('d1', 'operator')!;
    expect(r.token).not.toBe(t.token);
    const reread = new PairingStore(dir);
    expect(reread.getPaired('d1')?.tokens.operator.token).toBe(r.token);
    expect(fs.statSync(path.join(dir, 'devices', 'paired.json')).mode & 0o777).toBe(0o600);
    expect(reread.revokeToken('d1', 'operator')).toBe(true);
    expect(reread.revokeToken('d1', 'operator')).toBe(false);
    expect(reread.remove('d1')).toBe(true);
    expect(reread.getPaired('d1')).toBeUndefined();
  });

  it('scope rules: admin covers all, write covers read', () => {
    expect(scopeSatisfied(['operator.admin'], 'operator.pairing')).toBe(true);
    expect(scopeSatisfied(['operator.write'], 'operator.read')).toBe(true);
    expect(scopeSatisfied(['operator.read'], 'operator.write')).toBe(false);
  });
});
