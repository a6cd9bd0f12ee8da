import { describe, expect, it } from 'vitest';
import { CLIENT_IDS, CLIENT_MODES, anyFrame, connectParams, describeIssues, requestFrame } from '../../src/protocol/frames.js';
import { DETAIL_CODES } from '../../src/protocol/errors.js';

const base = { minProtocol: 3, maxProtocol: 4, client: { id: 'cli', version: '1', platform: 'linux', mode: 'cli' } };

describe('frame schemas', () => {
  it('accepts the three frame kinds and rejects others', () => {
    expect(anyFrame.safeParse({ type: 'req', id: '1', method: 'health' }).success).toBe(true);
    expect(anyFrame.safeParse({ type: 'res', id: '1', ok: false, error: { code: 'X', message: 'm' } }).success).toBe(true);
    expect(anyFrame.safeParse({ type: 'event', event: 'tick', payload: { ts: 1 } }).success).toBe(true);
    expect(anyFrame.safeParse({ type: 'other' }).success).toBe(false);
    expect(requestFrame.safeParse({ type: 'req', id: '', method: 'x' }).success).toBe(false);
  });

  it('has the closed client id and mode sets of the reference', () => {
    expect(CLIENT_IDS).toHaveLength(13);
    expect(CLIENT_MODES).toEqual(['webchat', 'cli', 'ui', 'backend', 'node', 'probe', 'test']);
    for (const id of CLIENT_IDS) expect(connectParams.safeParse({ ...base, client: { ...base.client, id } }).success).toBe(true);
  });

  it('refuses a client id or mode outside the sets, with a path in the message', () => {
    const r = connectParams.safeParse({ ...base, client: { ...base.client, id: 'curl' } });
    expect(r.success).toBe(false);
    if (!r.success) expect(describeIssues(r.error)).toMatch(/^at \/client\/id: /);
    expect(connectParams.safeParse({ ...base, client: { ...base.client, mode: 'daemon' } }).success).toBe(false);
  });

  it('requires the protocol range and the client block', () => {
    expect(connectParams.safeParse({ client: base.client }).success).toBe(false);
    expect(connectParams.safeParse({ ...base, client: undefined }).success).toBe(false);
  });

  it('accepts auth and device blocks of the documented shape', () => {
    const ok = connectParams.safeParse({ ...base, role: 'operator', scopes: ['operator.read'], auth: { token: 't' }, device: { id: 'a', publicKey: 'b', signature: 'c', signedAt: 1, nonce: 'n' } });
    expect(ok.success).toBe(true);
    expect(connectParams.safeParse({ ...base, device: { id: 'a', publicKey: 'b', signature: 'c', signedAt: 'now' } }).success).toBe(false);
  });

  it('lists every details.code of the reference', () => {
    expect(DETAIL_CODES).toHaveLength(22);
    expect(DETAIL_CODES).toContain('PAIRING_REQUIRED');
    expect(DETAIL_CODES).toContain('AUTH_RATE_LIMITED');
  });
});
