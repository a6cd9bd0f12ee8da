import { describe, expect, it } from 'vitest';
import { changedPaths, needsRestart, planReload } from '../../src/gateway/reload.js';

describe('reload planning', () => {
  it('lists changed leaf paths, including added and removed sections', () => {
    expect(changedPaths({ a: { b: 1, c: 2 } }, { a: { b: 1, c: 3 }, d: { e: true } })).toEqual(['a.c', 'd.e']);
    expect(changedPaths({ x: [1, 2] }, { x: [1, 2] })).toEqual([]);
    expect(changedPaths({ x: [1, 2] }, { x: [2] })).toEqual(['x']);
  });

  it('gateway.* needs a restart except gateway.remote and gateway.reload', () => {
    expect(needsRestart('gateway.port')).toBe(true);
    expect(needsRestart('gateway.auth.token')).toBe(true);
    expect(needsRestart('gateway.remote.url')).toBe(false);
    expect(needsRestart('gateway.reload.mode')).toBe(false);
    expect(needsRestart('plugins.allow')).toBe(true);
    expect(needsRestart('discovery.mdns')).toBe(true);
    expect(needsRestart('canvasHost.port')).toBe(true);
    expect(needsRestart('hooks.enabled')).toBe(false);
    expect(needsRestart('cron.enabled')).toBe(false);
    expect(needsRestart('agents.defaults.heartbeat.every')).toBe(false);
    expect(needsRestart('gatewayish')).toBe(false);
  });

  it('splits a plan into hot and restart paths and ignores meta', () => {
    const plan = planReload({ gateway: { port: 1 }, meta: { lastTouchedAt: 'a' } }, { gateway: { port: 2 }, hooks: { enabled: true }, meta: { lastTouchedAt: 'b' } });
    expect(plan).toEqual({ changed: ['gateway.port', 'hooks.enabled'], hot: ['hooks.enabled'], restart: ['gateway.port'] });
  });
});
