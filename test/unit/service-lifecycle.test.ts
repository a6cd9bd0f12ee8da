// Install, repair and the service-manager probe, on real files and this machine's real systemctl
// (a container: no systemd as PID 1 and no user bus, which is exactly the path under test).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import configDrift from '../../checks/service/config-drift.js';
import portDrift from '../../checks/service/port-drift.js';
import tokenEmbedded from '../../checks/service/token-embedded.js';
import { parsePath, setPath } from '../../src/config/dotpath.js';
import { readConfigFile } from '../../src/config/load.js';
import { resolvePaths } from '../../src/config/paths.js';
import { editConfig } from '../../src/config/store.js';
import type { Check } from '../../src/engine/check.js';
import type { Operation } from '../../src/engine/operations.js';
import { collectServices } from '../../src/facts/services.js';
import type { Facts } from '../../src/facts/types.js';
import { controlService, installService, uninstallService } from '../../src/service/lifecycle.js';
import type { ServiceManager } from '../../src/service/manager.js';
import { readSystemdUnit } from '../../src/service/systemd.js';
import { probeSystemd } from '../../src/service/systemd-manager.js';
import { fixtureDirs, fixtureEnv } from './service-fixtures.js';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-svc-life-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const realEnv = (home: string) => ({ HOME: home, PATH: process.env.PATH ?? '/usr/bin:/bin' });

describe('probeSystemd on this machine', () => {
  it('names the failed precondition: not booted with systemd, and still reports the bus', async () => {
    const a = await probeSystemd({ env: realEnv(tmp) });
    expect(a.ok).toBe(false);
    if (a.ok) return;
    expect(a.failed).toBe('booted-with-systemd');
    expect(a.reason).toMatch(/^systemd user services unavailable: this system was not booted with systemd \(\/run\/systemd\/system is missing; systemctl --user: Failed to connect to bus/);
    expect(a.steps.map((s) => [s.check, s.ok])).toEqual([['systemctl-binary', true], ['booted-with-systemd', false], ['user-bus', false]]);
    expect(a.alternatives.join('\n')).toMatch(/foreground under a supervisor/);
    expect(a.alternatives.join('\n')).toMatch(/--restart unless-stopped/);
  });

  it('no user bus: when systemd looks booted, the bus check is the one that fails', async () => {
    const marker = fs.mkdtempSync(path.join(tmp, 'run-systemd-'));
    const a = await probeSystemd({ env: realEnv(tmp), bootedMarker: marker });
    expect(a.ok).toBe(false);
    if (a.ok) return;
    expect(a.failed).toBe('user-bus');
    expect(a.reason).toMatch(/^systemd user services unavailable: no user bus \(systemctl --user: Failed to connect to bus/);
    expect(a.alternatives[0]).toMatch(/loginctl enable-linger/);
  });

  it('askBusWhenNotBooted: false gives the verdict without running systemctl (the doctor)', async () => {
    const bin = path.join(tmp, 'bin');
    const calls = path.join(tmp, 'calls');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'systemctl'), `#!/bin/sh\necho "$@" >> ${JSON.stringify(calls)}\nexit 1\n`, { mode: 0o755 });
    const env = { HOME: tmp, PATH: `${bin}:/usr/bin:/bin` };
    const quick = await probeSystemd({ env, bootedMarker: path.join(tmp, 'no-such-marker'), askBusWhenNotBooted: false });
    expect(quick.ok).toBe(false);
    if (quick.ok) return;
    expect(quick.failed).toBe('booted-with-systemd');
    expect(quick.reason).toBe(`systemd user services unavailable: this system was not booted with systemd (${path.join(tmp, 'no-such-marker')} is missing)`);
    expect(quick.steps.map((s) => s.check)).toEqual(['systemctl-binary', 'booted-with-systemd']);
    expect(fs.existsSync(calls)).toBe(false);
    await probeSystemd({ env, bootedMarker: path.join(tmp, 'no-such-marker') });
    expect(fs.readFileSync(calls, 'utf8')).toBe('--user show-environment\n'); // the default still asks
  });

  it('no systemctl binary on PATH', async () => {
    const a = await probeSystemd({ env: { HOME: tmp, PATH: path.join(tmp, 'empty-bin') } });
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.reason).toBe('systemd user services unavailable: no `systemctl` binary on PATH');
  });
});

function setup(config: string) {
  const home = tmp;
  fs.mkdirSync(path.join(home, 'state'), { recursive: true });
  fs.writeFileSync(path.join(home, 'state', 'openclaw.json'), config);
  const env = { ...realEnv(home), ...fixtureEnv(home) };
  return { home, env, paths: resolvePaths({ env }), dirs: fixtureDirs(tmp) };
}

describe('installService', () => {
  it('writes the unit, then says precisely why it could not enable it', async () => {
    const { paths, env, dirs } = setup('{ gateway: { mode: "local", port: 18800, auth: { token: "tok-install-0123456789" } } }');
    const r = await installService({ paths, env, dirs, platform: 'linux' });
    expect(r).toMatchObject({ ok: false, written: true, activated: false, port: 18800, file: path.join(dirs.systemdUser, 'openclaw-gateway.service') });
    expect(r.unavailable?.failed).toBe('booted-with-systemd');
    expect(r.message).toMatch(/^Wrote .*openclaw-gateway\.service, but could not enable it: systemd user services unavailable: /);
    const text = fs.readFileSync(r.file, 'utf8');
    expect(text).not.toContain('tok-install');
    const def = readSystemdUnit(text, r.file);
    expect(def.programArguments.slice(2)).toEqual(['gateway', '--port', '18800']);
    expect(fs.existsSync(path.join(paths.stateDir.value, 'logs'))).toBe(true);
  });

  it('refuses to replace a different definition without --force, keeps a backup with it', async () => {
    const { paths, env, dirs } = setup('{ gateway: { mode: "local", port: 18800 } }');
    await installService({ paths, env, dirs, platform: 'linux' });
    const again = await installService({ paths, env, dirs, platform: 'linux' });
    expect(again).toMatchObject({ unchanged: true, written: false, exists: false });
    const other = await installService({ paths, env, dirs, platform: 'linux', port: 18801 });
    expect(other).toMatchObject({ ok: false, exists: true, written: false });
    expect(other.message).toMatch(/--force/);
    const forced = await installService({ paths, env, dirs, platform: 'linux', port: 18801, force: true });
    expect(forced).toMatchObject({ written: true, backup: `${forced.file}.bak` });
    expect(fs.readFileSync(`${forced.file}.bak`, 'utf8')).toContain('--port 18800');
  });

  it('writes a launchd plist and a Windows task for those platforms', async () => {
    const { paths, env, dirs } = setup('{ gateway: { mode: "local" } }');
    const absent: ServiceManager['available'] = async () => ({ ok: false, failed: 'x', reason: 'not here', alternatives: [], steps: [] });
    const manager = { available: absent } as ServiceManager;
    const mac = await installService({ paths, env, dirs, platform: 'darwin', manager });
    expect(mac.file).toBe(path.join(dirs.launchAgents, 'ai.openclaw.gateway.plist'));
    expect(fs.readFileSync(mac.file, 'utf8')).toContain('<string>ai.openclaw.gateway</string>');
    const win = await installService({ paths, env, dirs, platform: 'win32', manager });
    expect(fs.readFileSync(win.file, 'utf8')).toContain('<URI>\\OpenClaw Gateway</URI>');
    expect(fs.readFileSync(path.join(path.dirname(win.file), 'gateway.cmd'), 'utf8')).toContain('set "OPENCLAW_SERVICE_MARKER=openclaw"');
  });

  it('start/stop/uninstall: not installed, then unavailable, then removed with a backup', async () => {
    const { paths, env, dirs } = setup('{ gateway: { mode: "local" } }');
    const before = await controlService('start', { paths, env, dirs, platform: 'linux' });
    expect(before.message).toMatch(/no gateway service is installed/);
    await installService({ paths, env, dirs, platform: 'linux' });
    const stop = await controlService('stop', { paths, env, dirs, platform: 'linux' });
    expect(stop).toMatchObject({ ok: false });
    expect(stop.message).toMatch(/^cannot stop openclaw-gateway\.service: systemd user services unavailable/);
    const un = await uninstallService({ paths, env, dirs, platform: 'linux' });
    expect(un.ok).toBe(true);
    expect(fs.existsSync(un.file)).toBe(false);
    expect(fs.existsSync(`${un.file}.bak`)).toBe(true);
  });
});

/** The executor's part, for these two operations, as the doctor will run them. */
async function apply(ops: Operation[], ctx: ReturnType<typeof setup>) {
  for (const op of ops) {
    if (op.op === 'config.set') editConfig(ctx.paths, (raw) => setPath(raw, parsePath(op.path), op.value), { reason: 'doctor --fix' });
    else if (op.op === 'service.install') await installService({ paths: ctx.paths, env: ctx.env, dirs: ctx.dirs, platform: 'linux', force: op.force });
    else throw new Error(`unexpected ${op.op}`);
  }
}

async function facts(ctx: ReturnType<typeof setup>): Promise<Facts> {
  return { services: await collectServices({ paths: ctx.paths, env: ctx.env, dirs: ctx.dirs, platform: 'linux', manager: false }) };
}

describe('--fix rewrites a drifted unit, and a second run is clean', () => {
  it.each<[string, Check, string]>([
    ['config drift', configDrift, 'service-config-drift'],
    ['token only in the service', tokenEmbedded, 'service-token-embedded'],
    ['port drift', portDrift, 'service-port-drift'],
  ])('%s', async (_name, check, fixture) => {
    fs.cpSync(path.resolve('fixtures', fixture), tmp, { recursive: true });
    const ctx = { ...setup(fs.readFileSync(path.join(tmp, 'state/openclaw.json'), 'utf8')) };
    const serviceTokenBefore = readSystemdUnit(fs.readFileSync(path.join(ctx.dirs.systemdUser, 'openclaw-gateway.service'), 'utf8'), 'x').env.OPENCLAW_GATEWAY_TOKEN;
    const first = await facts(ctx);
    const [finding] = check.detect(first);
    expect(finding?.checkId).toBe(check.meta.id);
    await apply(check.repair!(finding, first), ctx);

    const second = await facts(ctx);
    for (const c of [configDrift, portDrift, tokenEmbedded]) expect(c.detect(second)).toEqual([]);
    const unit = fs.readFileSync(path.join(ctx.dirs.systemdUser, 'openclaw-gateway.service'), 'utf8');
    expect(unit).not.toContain('OPENCLAW_GATEWAY_TOKEN');
    expect(fs.existsSync(path.join(ctx.dirs.systemdUser, 'openclaw-gateway.service.bak'))).toBe(true);
    // The token the service relied on is now in the config, never lost.
    const token = (readConfigFile(ctx.paths.configPath.value) as { resolved: any }).resolved.gateway.auth.token;
    if (fixture === 'service-token-embedded') expect(token).toBe(serviceTokenBefore);
    if (fixture === 'service-config-drift') expect(token).toBe('tok-old-state-0123456789');
  });
});
