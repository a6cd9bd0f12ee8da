// The ladder's one-line summaries of facts, the reasons confirm fixes give, and the report's redaction.
import { describe, expect, it } from 'vitest';
import { whyConfirm } from '../../src/tui/engine.js';
import { renderReport } from '../../src/tui/report.js';
import { summariseFact } from '../../src/tui/steps.js';

const probe = (ok: boolean, extra: object = {}) => ({ ok, url: 'ws://127.0.0.1:18789', durationMs: 3, connect: { ok, rpcOk: ok, latencyMs: 3, ...extra }, warnings: [] as string[] });

describe('ladder step summaries', () => {
  it('a fact that could not be collected says why, as a warning', () => {
    expect(summariseFact('gateway', { ok: false, reason: 'timed out after 1500 ms' })).toEqual({ status: 'warn', summary: 'could not tell: timed out after 1500 ms' });
  });

  it('gateway: answers, refuses, answers with warnings', () => {
    expect(summariseFact('gateway', { ok: true, value: probe(true) })).toEqual({ status: 'ok', summary: 'gateway answers at ws://127.0.0.1:18789 (3 ms)' });
    expect(summariseFact('gateway', { ok: true, value: probe(false, { error: { kind: 'refused', message: 'connection refused' } }) })).toEqual({ status: 'fail', summary: 'gateway at ws://127.0.0.1:18789: refused — connection refused' });
    const warned = { ...probe(true), warnings: ['protocol 3 is deprecated'] };
    expect(summariseFact('gateway', { ok: true, value: warned }).status).toBe('warn');
    const starting = probe(false, { error: { kind: 'unavailable', message: 'gateway starting; retry shortly', errorCode: 'UNAVAILABLE' } });
    expect(summariseFact('gateway', { ok: true, value: starting })).toEqual({ status: 'warn', summary: 'gateway at ws://127.0.0.1:18789 is still starting: gateway starting; retry shortly' });
  });

  it('ports and lock: nothing listening and a stale lock are warnings', () => {
    expect(summariseFact('ports', { ok: true, value: { port: 18789, host: '127.0.0.1', listening: false, lookup: 'not-needed' } }).status).toBe('warn');
    const lock = { pid: 999999, startedAt: 0 } as never;
    expect(summariseFact('lock', { ok: true, value: { state: 'stale', path: '/tmp/x.lock', lock, configPath: '/c' } })).toEqual({ status: 'warn', summary: 'stale lock: pid 999999 is gone' });
    expect(summariseFact('lock', { ok: true, value: { state: 'absent', path: '/tmp/x.lock', configPath: '/c' } }).status).toBe('ok');
  });

  it('a summariser that trips over an unexpected shape still reports the step as collected', () => {
    expect(summariseFact('channels', { ok: true, value: {} as never })).toEqual({ status: 'ok', summary: 'collected' });
  });
});

describe('why a fix needs confirmation', () => {
  it('names what the operations would do', () => {
    expect(whyConfirm([{ op: 'port.free', port: 18789, pid: 42, command: 'node' }])).toBe('stops another process (pid 42, node) holding port 18789');
    expect(whyConfirm([{ op: 'config.restore', from: '/s/openclaw.json.last-good' }])).toBe('replaces the whole config with /s/openclaw.json.last-good (the current file is kept aside)');
    expect(whyConfirm([{ op: 'gateway.restart' }, { op: 'gateway.restart' }])).toBe('restarts the gateway: connected clients drop');
  });
});

describe('the markdown report', () => {
  it('scrubs the config secrets and token-shaped strings from every section', () => {
    const secret = 'a1b2c3d4e5f6a7b8c9d0';
    const md = renderReport({
      symptom: 'No replies',
      steps: [{ command: 'openclaw gateway status', outcome: { status: 'fail', summary: `auth failed with ${secret}` } }],
      logs: [{ cause: 'auth', severity: 'error', text: `Authorization: Bearer ${'x'.repeat(20)}` }],
      findings: [{ checkId: 'gateway/rpc-probe-failed', severity: 'error', message: `token=${secret}`, evidence: [{ kind: 'config', source: 'gateway.auth.token', value: secret }] }],
      environment: { node: 'v20' },
      secrets: [secret],
    });
    expect(md).not.toContain(secret);
    expect(md).not.toContain('x'.repeat(20));
    expect(md).toContain('## What was fixed\n\nNothing was changed.');
    expect(md).toContain('### error: gateway/rpc-probe-failed');
  });
});
