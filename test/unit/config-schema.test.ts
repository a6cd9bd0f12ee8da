import { describe, expect, it } from 'vitest';
import { formatPath, validateConfig } from '../../src/config/schema.js';

describe('validateConfig', () => {
  it('accepts a real-looking config with hundreds of unknown keys outside gateway', () => {
    const extra = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`plugin${i}`, { enabled: i % 2 === 0, opts: { x: i } }]));
    const config = {
      meta: { lastTouchedVersion: '2026.9.6' },
      gateway: { mode: 'local', port: 18789, bind: 'loopback', auth: { mode: 'token', token: 'abc' }, controlUi: { allowedOrigins: ['https://x'], somethingNew: 1 } },
      agents: { defaults: { workspace: '~/.openclaw/workspace', heartbeat: { every: '30m', activeHours: { start: '08:00', end: '22:00' } } }, list: [] },
      channels: { telegram: { botToken: 't', dmPolicy: 'pairing' } },
      ...extra,
    };
    expect(validateConfig(config)).toEqual([]);
  });

  it('reports unknown keys inside gateway with their full path, gateway.token as legacy', () => {
    const issues = validateConfig({ gateway: { mode: 'local', token: 'x', prot: 1, auth: { tokn: 'y' } } });
    expect(issues.map((i) => i.path).sort()).toEqual(['gateway.auth.tokn', 'gateway.prot', 'gateway.token']);
    expect(issues.find((i) => i.path === 'gateway.token')?.message).toMatch(/legacy key/);
  });

  it('reports wrong types and values with dotted paths', () => {
    const issues = validateConfig({
      gateway: { port: 70000, bind: 'everywhere', auth: { mode: 'magic' } },
      models: { providers: { local: { models: [{ contextWindow: -1 }] } } },
      agents: { defaults: { heartbeat: { activeHours: { start: '8am' } } } },
    });
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'gateway.port',
        'gateway.bind',
        'gateway.auth.mode',
        'models.providers.local.models[0].contextWindow',
        'agents.defaults.heartbeat.activeHours.start',
      ]),
    );
  });

  it('accepts legacy bind aliases (the doctor migrates them)', () => {
    expect(validateConfig({ gateway: { bind: '0.0.0.0' } })).toEqual([]);
  });
});

describe('formatPath', () => {
  it('brackets indexes and odd keys', () => {
    expect(formatPath(['agents', 'defaults', 'models', 'anthropic/claude', 'params'])).toBe('agents.defaults.models["anthropic/claude"].params');
    expect(formatPath(['a', 0, 'b'])).toBe('a[0].b');
  });
});
