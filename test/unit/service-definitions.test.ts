import { execa } from 'execa';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, buildBinary, parse } from 'plist';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolvePaths } from '../../src/config/paths.js';
import { gatewayServiceSpec, portFromArgs, runsGateway, serviceNames } from '../../src/service/definition.js';
import { readLaunchdPlist, renderLaunchdPlist } from '../../src/service/launchd.js';
import { readTaskScript, readTaskXml, renderTaskScript, renderTaskXml } from '../../src/service/schtasks.js';
import { readSystemdUnit, renderSystemdUnit } from '../../src/service/systemd.js';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-svc-def-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

// A real executable and a real file, so systemd-analyze has nothing to complain about but the unit itself.
const entry = path.resolve('package.json');

function spec(env: Record<string, string> = {}, kind: 'systemd' | 'launchd' | 'schtasks' = 'systemd', profile?: string) {
  const paths = resolvePaths({ env: { HOME: path.join(tmp, 'home'), ...env }, profile });
  return gatewayServiceSpec({ paths, port: 18789, kind, entry });
}

async function verify(unitFile: string) {
  const runtime = fs.mkdtempSync(path.join(tmp, 'rt-'));
  return execa('systemd-analyze', ['--user', 'verify', unitFile], { reject: false, timeout: 15_000, env: { XDG_RUNTIME_DIR: runtime } });
}

describe('names', () => {
  it('follows upstream for the default and named profiles', () => {
    expect(serviceNames()).toEqual({ systemdUnit: 'openclaw-gateway.service', launchdLabel: 'ai.openclaw.gateway', taskName: 'OpenClaw Gateway' });
    expect(serviceNames('default').systemdUnit).toBe('openclaw-gateway.service');
    expect(serviceNames('work')).toEqual({ systemdUnit: 'openclaw-gateway-work.service', launchdLabel: 'ai.openclaw.work', taskName: 'OpenClaw Gateway (work)' });
  });
});

describe('gatewayServiceSpec', () => {
  it('runs `<node> <entry> gateway --port N` with the marker env and no token', () => {
    const s = spec({ OPENCLAW_GATEWAY_TOKEN: 'secret-token-123' });
    expect(s.programArguments).toEqual([process.execPath, entry, 'gateway', '--port', '18789']);
    expect(s.env).toMatchObject({ OPENCLAW_GATEWAY_PORT: '18789', OPENCLAW_SERVICE_MARKER: 'openclaw', OPENCLAW_SERVICE_KIND: 'gateway' });
    expect(s.env.OPENCLAW_GATEWAY_TOKEN).toBeUndefined();
    expect(s.env.OPENCLAW_STATE_DIR).toBeUndefined();
    expect(s.env.OPENCLAW_CONFIG_PATH).toBeUndefined();
  });

  it('pins state dir and config path only when they come from the environment', () => {
    const s = spec({ OPENCLAW_STATE_DIR: '/srv/oc', OPENCLAW_CONFIG_PATH: '/etc/oc/openclaw.json' });
    expect(s.env.OPENCLAW_STATE_DIR).toBe('/srv/oc');
    expect(s.env.OPENCLAW_CONFIG_PATH).toBe('/etc/oc/openclaw.json');
    expect(spec({}, 'systemd', 'work').env.OPENCLAW_PROFILE).toBe('work');
  });
});

describe('systemd unit', () => {
  it('has upstream defaults and passes systemd-analyze verify', async () => {
    const text = renderSystemdUnit(spec({ OPENCLAW_STATE_DIR: path.join(tmp, 'state dir with spaces and 100%'), OPENCLAW_CONFIG_PATH: path.join(tmp, 'cfg "quoted".json') }));
    for (const line of ['Restart=always', 'RestartSec=5', 'RestartPreventExitStatus=78', 'After=network-online.target', 'Wants=network-online.target', 'WantedBy=default.target']) {
      expect(text).toContain(`${line}\n`);
    }
    const file = path.join(tmp, 'openclaw-gateway.service');
    fs.writeFileSync(file, text);
    const r = await verify(file);
    const aboutUnit = r.stderr.split('\n').filter((l) => l.includes('openclaw-gateway'));
    expect(aboutUnit).toEqual([]);
    expect(r.exitCode).toBe(0);
  });

  it('systemd-analyze does flag a broken unit (the test can fail)', async () => {
    const file = path.join(tmp, 'openclaw-gateway.service');
    fs.writeFileSync(file, renderSystemdUnit(spec()).replace('Restart=always', 'Restart=sometimes'));
    const r = await verify(file);
    expect(r.stderr).toMatch(/openclaw-gateway\.service:\d+: Failed to parse service restart specifier/);
  });

  it('reads back exactly what it wrote, including awkward paths', () => {
    const s = spec({ OPENCLAW_STATE_DIR: '/srv/state dir/100%', OPENCLAW_CONFIG_PATH: '/etc/"odd"/$cfg.json' });
    const def = readSystemdUnit(renderSystemdUnit(s), '/x/openclaw-gateway.service');
    expect(def.programArguments).toEqual(s.programArguments);
    expect(def.env).toEqual(s.env);
    expect(def.port).toBe(18789);
    expect(def.restart).toBe('always');
    expect(def.name).toBe('openclaw-gateway.service');
  });

  it('sends output to the journal when the log path cannot be written unquoted', () => {
    const text = renderSystemdUnit(spec({ OPENCLAW_STATE_DIR: '/srv/with space' }));
    expect(text).not.toContain('StandardError=');
    expect(renderSystemdUnit(spec({ OPENCLAW_STATE_DIR: '/srv/plain' }))).toContain('StandardError=append:/srv/plain/logs/gateway.err.log\n');
  });
});

describe('launchd plist', () => {
  it('round-trips through the plist package', () => {
    const s = spec({ OPENCLAW_STATE_DIR: '/Users/ada/oc & <co>' }, 'launchd');
    const xml = renderLaunchdPlist(s);
    const parsed = parse(xml) as Record<string, unknown>;
    expect(parsed.Label).toBe('ai.openclaw.gateway');
    expect(parsed.KeepAlive).toBe(true);
    expect(parsed.RunAtLoad).toBe(true);
    expect(build(parsed as never)).toBe(xml);
    const def = readLaunchdPlist(xml, '/x/ai.openclaw.gateway.plist');
    expect(def).toMatchObject({ kind: 'launchd', name: 'ai.openclaw.gateway', port: 18789, restart: 'always', programArguments: s.programArguments, env: s.env });
  });

  it('reads binary plists too, and rejects garbage with a clear error', () => {
    const parsed = parse(renderLaunchdPlist(spec({}, 'launchd', 'work'))) as never;
    const def = readLaunchdPlist(Buffer.from(buildBinary(parsed)), '/x/ai.openclaw.work.plist');
    expect(def.name).toBe('ai.openclaw.work');
    expect(def.env.OPENCLAW_PROFILE).toBe('work');
    expect(() => readLaunchdPlist('not a plist', '/x/y.plist')).toThrow(/not a readable property list/);
  });
});

describe('Windows task', () => {
  it('round-trips the task XML and its gateway.cmd', () => {
    const s = spec({ OPENCLAW_STATE_DIR: 'C:\\Users\\Ada\\oc 100%' }, 'schtasks');
    const script = renderTaskScript(s);
    const xml = renderTaskXml(s, 'C:\\Users\\Ada\\oc\\gateway.cmd');
    expect(xml).toContain('<URI>\\OpenClaw Gateway</URI>');
    expect(readTaskScript(script)).toEqual({ env: s.env, programArguments: s.programArguments });
    const def = readTaskXml(xml, '/x/gateway-task.xml', () => script);
    expect(def).toMatchObject({ kind: 'schtasks', name: 'OpenClaw Gateway', port: 18789, restart: 'on-failure', env: s.env });
  });
});

describe('runsGateway', () => {
  it.each([
    [{ programArguments: ['/usr/bin/node', '/x/main.js', 'gateway'], env: { OPENCLAW_SERVICE_MARKER: 'openclaw' } }, true],
    [{ programArguments: ['/usr/bin/node', '/usr/lib/node_modules/openclaw/dist/index.js', 'gateway', '--port', '18789'], env: {} }, true],
    [{ programArguments: ['/usr/local/bin/clawdbot', 'gateway'], env: {} }, true],
    [{ programArguments: ['/usr/local/bin/openclaw', '--profile', 'work', 'gateway', 'run'], env: {} }, true],
    [{ programArguments: ['/usr/local/bin/openclaw-gateway-exporter', '--listen', ':9100'], env: {} }, false],
    [{ programArguments: ['/usr/local/bin/openclaw', 'logs', '--follow'], env: {} }, false],
    [{ programArguments: ['/usr/bin/node', '/opt/exporter/index.js', 'gateway'], env: {} }, false],
  ])('%j → %s', (def, expected) => {
    expect(runsGateway(def)).toBe(expected);
  });

  it('reads --port in both forms', () => {
    expect(portFromArgs(['gateway', '--port', '19001'])).toBe(19001);
    expect(portFromArgs(['gateway', '--port=19002'])).toBe(19002);
    expect(portFromArgs(['gateway', '--port', 'x'])).toBeUndefined();
  });
});
