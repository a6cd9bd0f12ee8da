// The service part of `gateway status --deep` and the stop/restart entry points the gateway
// commands call, over fixture homes and this machine's real (unavailable) systemd.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { restartService, serviceInstalled, serviceStatus, stopService } from '../../src/cli/commands/gateway-service.js';
import type { CliContext } from '../../src/cli/context.js';
import { resolvePaths } from '../../src/config/paths.js';
import { fixtureEnv } from './service-fixtures.js';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-svc-status-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  vi.restoreAllMocks();
});

function ctxFor(fixture: string): CliContext {
  fs.cpSync(path.resolve('fixtures', fixture), tmp, { recursive: true });
  const env = { ...fixtureEnv(tmp), XDG_CONFIG_HOME: path.join(tmp, '.config'), PATH: process.env.PATH };
  return { global: {}, paths: resolvePaths({ env }), env };
}

describe('serviceStatus', () => {
  it('shows both config paths, the runtime reason and the drift, with no token', async () => {
    const ctx = ctxFor('service-config-drift');
    const s = await serviceStatus(ctx, true);
    expect(s.installed).toBe(true);
    const text = s.lines.join('\n');
    expect(text).toMatch(/^Service: systemd openclaw-gateway\.service \(installed\)/);
    expect(text).toContain(`Config (cli): ${path.join(tmp, 'state/openclaw.json')}`);
    expect(text).toContain(`Config (service): ${path.join(tmp, '.openclaw-old/openclaw.json')}`);
    expect(text).toMatch(/Service state: unknown \(systemd user services unavailable: this system was not booted with systemd/);
    expect(text).toMatch(/error: The gateway service reads a different config than the CLI\.\n  → Reinstall/);
    expect(s.findings.map((f) => f.checkId)).toEqual(['service/config-drift', 'service/systemd-unavailable']);
    expect(JSON.stringify(s)).not.toContain('tok-old-state');
  });

  it('not installed: says so and which file it looked for', async () => {
    const ctx = ctxFor('service-none');
    const s = await serviceStatus(ctx, false);
    expect(s.installed).toBe(false);
    expect(s.lines[0]).toBe(`Service: systemd openclaw-gateway.service (not installed) ${path.join(tmp, '.config/systemd/user/openclaw-gateway.service')}`);
    expect(await serviceInstalled(ctx)).toBe(false);
  });
});

describe('stopService / restartService', () => {
  it('return 1 with the precise reason when systemd cannot be used', async () => {
    const ctx = ctxFor('service-clean');
    expect(await serviceInstalled(ctx)).toBe(true);
    const err: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
    expect(await stopService(ctx)).toBe(1);
    expect(await restartService(ctx)).toBe(1);
    expect(err.join('')).toMatch(/error: cannot stop openclaw-gateway\.service: systemd user services unavailable/);
    expect(err.join('')).toMatch(/error: cannot restart openclaw-gateway\.service: systemd user services unavailable/);
  });
});
