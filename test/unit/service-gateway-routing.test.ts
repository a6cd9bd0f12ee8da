// `gateway stop|restart|status` as the command group runs them: with an installed unit and a usable
// systemd they go through `systemctl --user` (a recording stand-in on PATH, since this container has
// no user manager); otherwise stop/restart act on the lock's pid as before. status shows the service.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixtureEnv } from './service-fixtures.js';

/** Where the test says systemd was booted (a temp dir) or not (a missing path). */
const booted = vi.hoisted(() => ({ marker: '/nonexistent' }));
vi.mock('../../src/service/systemd-manager.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../src/service/systemd-manager.js')>();
  return { ...orig, systemdManager: (opts: Parameters<typeof orig.systemdManager>[0]) => orig.systemdManager({ ...opts, bootedMarker: booted.marker }) };
});

const FAKE = `#!/bin/sh
echo "$*" >> "$SYSTEMCTL_LOG"
case "$*" in
  *show-environment*) echo HOME=/x ;;
  *" show "*) printf 'ActiveState=active\\nSubState=running\\nMainPID=4242\\nNRestarts=3\\nExecMainStatus=0\\n' ;;
esac
exit 0
`;

const BASE_TMP = os.tmpdir();
let tmp: string;
let savedEnv: NodeJS.ProcessEnv;
let out: string[];

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(BASE_TMP, 'oc-svc-route-'));
  fs.mkdirSync(path.join(tmp, 'bin'));
  fs.writeFileSync(path.join(tmp, 'bin/systemctl'), FAKE, { mode: 0o755 });
  savedEnv = { ...process.env };
  // The command group reads process.env, as the CLI does.
  Object.assign(process.env, fixtureEnv(tmp), { PATH: `${path.join(tmp, 'bin')}:/usr/bin:/bin`, SYSTEMCTL_LOG: path.join(tmp, 'calls.log'), NO_COLOR: '1', TMPDIR: tmp });
  delete process.env.XDG_CONFIG_HOME;
  delete process.env.OPENCLAW_GATEWAY_TOKEN;
  booted.marker = '/nonexistent';
  out = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  process.exitCode = undefined;
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
  Object.assign(process.env, savedEnv);
  process.exitCode = undefined;
  fs.rmSync(tmp, { recursive: true, force: true });
});

function useFixture(name: string): void {
  fs.cpSync(path.resolve('fixtures', name), tmp, { recursive: true });
}

async function gateway(...args: string[]): Promise<number> {
  const { register } = await import('../../src/cli/commands/gateway.js');
  const program = new Command().exitOverride();
  register(program);
  await program.parseAsync(['gateway', ...args], { from: 'user' });
  return Number(process.exitCode ?? 0);
}

const calls = () => (fs.existsSync(process.env.SYSTEMCTL_LOG!) ? fs.readFileSync(process.env.SYSTEMCTL_LOG!, 'utf8').trim().split('\n') : []);
const systemctlVerbs = () => calls().filter((c) => !c.includes('show-environment') && !c.includes(' show '));

describe('gateway stop / restart', () => {
  it('go through systemctl --user when the unit is installed and systemd is usable', async () => {
    useFixture('service-clean');
    booted.marker = tmp;
    expect(await gateway('stop', '--json')).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ ok: true, kind: 'systemd', name: 'openclaw-gateway.service', message: 'openclaw-gateway.service stopped' });
    out.length = 0;
    expect(await gateway('restart')).toBe(0);
    expect(out.join('')).toBe('openclaw-gateway.service restarted\n');
    expect(systemctlVerbs()).toEqual(['--user stop openclaw-gateway.service', '--user restart openclaw-gateway.service']);
  });

  it('act on the lock when systemd is not usable here, even with a unit installed', async () => {
    useFixture('service-clean');
    expect(await gateway('stop', '--json')).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual({ ok: true, stopped: false, running: false, message: 'Gateway is not running.' });
    expect(systemctlVerbs()).toEqual([]);
  });

  it('act on the lock when no unit is installed', async () => {
    useFixture('service-none');
    booted.marker = tmp;
    // (restart of a stopped gateway starts it: test/e2e/cli-words.test.ts, with a real process)
    expect(await gateway('stop')).toBe(0);
    expect(out.join('')).toBe('Gateway is not running.\n');
    expect(systemctlVerbs()).toEqual([]);
  });
});

describe('gateway status shows the service', () => {
  it('--json: installed, both configs, command, port and the runtime systemd reports', async () => {
    useFixture('service-config-drift');
    booted.marker = tmp;
    await gateway('status', '--json', '--timeout', '500');
    const s = JSON.parse(out.join('')).service;
    expect(s).toMatchObject({
      installed: true,
      kind: 'systemd',
      name: 'openclaw-gateway.service',
      configCli: path.join(tmp, 'state/openclaw.json'),
      configService: path.join(tmp, '.openclaw-old/openclaw.json'),
      command: '/usr/bin/node ' + path.join(tmp, '.local/lib/openclaw/dist/src/cli/main.js') + ' gateway --port 18789',
      port: 18789,
      runtime: { state: 'active', pid: 4242, restarts: 3 },
    });
    expect(s.findings.map((f: { checkId: string }) => f.checkId)).toEqual(['service/config-drift']);
    expect(s.lines).toBeUndefined();
    expect(out.join('')).not.toContain('tok-old-state');
  });

  it('human: the service lines after the gateway lines; unavailable systemd says why', async () => {
    useFixture('service-config-drift');
    await gateway('status', '--timeout', '500');
    const text = out.join('');
    expect(text).toMatch(/^Runtime: stopped/);
    expect(text).toContain(`Service: systemd openclaw-gateway.service (installed) ${path.join(tmp, '.config/systemd/user/openclaw-gateway.service')}`);
    expect(text).toContain(`Config (cli): ${path.join(tmp, 'state/openclaw.json')}`);
    expect(text).toContain(`Config (service): ${path.join(tmp, '.openclaw-old/openclaw.json')}`);
    expect(text).toContain('Port (service): 18789 (--port)');
    expect(text).toMatch(/Service state: unknown \(systemd user services unavailable: this system was not booted with systemd/);
  });

  it('--deep: other gateway-like services in the user unit dir', async () => {
    useFixture('service-extra-gateways');
    booted.marker = tmp;
    await gateway('status', '--deep', '--timeout', '500');
    expect(out.join('')).toContain(`Other gateway-like service: openclaw-gateway-work.service (user, port 18789) ${path.join(tmp, '.config/systemd/user/openclaw-gateway-work.service')}`);
  });
});
