// `openclaw gateway install|uninstall|start` as a user runs them, on this machine (a container
// without a systemd user bus): the unit is written, enabling it fails with the precise reason, exit 1.
import { execa } from 'execa';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { englishRuns } from '../helpers/english-runs.js';

const CLI = path.resolve('dist/src/cli/main.js');
let tmp: string;
let env: Record<string, string>;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-svc-e2e-'));
  fs.mkdirSync(path.join(tmp, 'home/.openclaw'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'home/.openclaw/openclaw.json'), '{ gateway: { mode: "local", port: 18811, auth: { token: "tok-e2e-0123456789" } } }');
  env = { HOME: path.join(tmp, 'home'), XDG_CONFIG_HOME: path.join(tmp, 'xdg'), PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1' };
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], extraEnv: Record<string, string> = {}) {
  return execa(process.execPath, [CLI, ...args], { env: { ...env, ...extraEnv }, extendEnv: false, reject: false, timeout: 20_000 });
}

const unitFile = () => path.join(tmp, 'xdg/systemd/user/openclaw-gateway.service');

describe('gateway install', () => {
  it('--json writes the unit under XDG_CONFIG_HOME and exits 1 with the precise reason', async () => {
    const r = await run(['gateway', 'install', '--json']);
    expect(r.exitCode).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ ok: false, written: true, activated: false, file: unitFile(), port: 18811, name: 'openclaw-gateway.service' });
    expect(out.unavailable.failed).toBe('booted-with-systemd');
    expect(out.unavailable.reason).toMatch(/^systemd user services unavailable: this system was not booted with systemd \(\/run\/systemd\/system is missing; systemctl --user: Failed to connect to bus/);
    expect(out.unavailable.alternatives.join(' ')).toMatch(/supervisor.*Docker/s);
    const unit = fs.readFileSync(unitFile(), 'utf8');
    const bin = path.resolve(JSON.parse(fs.readFileSync('package.json', 'utf8')).bin.openclaw); // the unit runs the package's bin
    expect(unit).toContain(`ExecStart=${process.execPath} ${bin} gateway --port 18811\n`);
    expect(unit).not.toContain('tok-e2e');
    // The written file is a valid unit for systemd itself (ExecStart points at real files).
    const runtime = fs.mkdtempSync(path.join(tmp, 'rt-'));
    const v = await execa('systemd-analyze', ['--user', 'verify', unitFile()], { reject: false, timeout: 15_000, env: { XDG_RUNTIME_DIR: runtime } });
    expect(v.stderr.split('\n').filter((l) => l.includes('openclaw-gateway'))).toEqual([]);
    expect(v.exitCode).toBe(0);
  });

  it('prints what it wrote and why it could not enable it, without a stack trace', async () => {
    const r = await run(['gateway', 'install']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe(`Wrote ${unitFile()}`);
    expect(r.stderr).toMatch(/^error: could not enable openclaw-gateway\.service: systemd user services unavailable: this system was not booted with systemd/);
    expect(r.stderr).toMatch(/✗ user-bus: systemctl --user: Failed to connect to bus/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('says when there is no systemctl at all', async () => {
    const r = await run(['gateway', 'install', '--json'], { PATH: path.join(tmp, 'no-bin') });
    expect(r.exitCode).toBe(1);
    expect(JSON.parse(r.stdout).unavailable.reason).toBe('systemd user services unavailable: no `systemctl` binary on PATH');
    expect(fs.existsSync(unitFile())).toBe(true);
  });

  it('uses the profile name and refuses to replace a different unit without --force', async () => {
    await run(['--profile', 'work', 'gateway', 'install']);
    const work = path.join(tmp, 'xdg/systemd/user/openclaw-gateway-work.service');
    expect(fs.readFileSync(work, 'utf8')).toContain('Environment=OPENCLAW_PROFILE=work\n');
    await run(['gateway', 'install']);
    const again = await run(['gateway', 'install', '--port', '18812', '--json']);
    expect(again.exitCode).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ exists: true, written: false });
    const forced = await run(['gateway', 'install', '--port', '18812', '--force', '--json']);
    expect(JSON.parse(forced.stdout)).toMatchObject({ written: true, backup: `${unitFile()}.bak`, port: 18812 });
  });

  it('exits 78 on an unreadable config and 2 on a bad --port, writing nothing', async () => {
    fs.writeFileSync(path.join(tmp, 'home/.openclaw/openclaw.json'), '{ gateway: ');
    const bad = await run(['gateway', 'install']);
    expect(bad.exitCode).toBe(78);
    expect(bad.stderr).toMatch(/openclaw\.json:\d+:\d+: cannot be parsed as JSON5/);
    expect((await run(['gateway', 'install', '--port', 'nope'])).exitCode).toBe(2);
    expect(fs.existsSync(unitFile())).toBe(false);
  });
});

describe('gateway start / uninstall', () => {
  it('start without a service says how to install one; uninstall removes it', async () => {
    const start = await run(['gateway', 'start']);
    expect(start.exitCode).toBe(1);
    expect(start.stderr).toMatch(/no gateway service is installed .* run `openclaw gateway install`/);
    await run(['gateway', 'install']);
    const started = await run(['gateway', 'start', '--json']);
    expect(started.exitCode).toBe(1);
    expect(JSON.parse(started.stdout).unavailable.failed).toBe('booted-with-systemd');
    const un = await run(['gateway', 'uninstall', '--json']);
    expect(un.exitCode).toBe(0);
    expect(fs.existsSync(unitFile())).toBe(false);
    expect(fs.existsSync(`${unitFile()}.bak`)).toBe(true);
  });
});

describe('in Korean', () => {
  // The checks' own lines (`✗ user-bus: systemctl --user: Failed to connect to bus`) quote the tools.
  const ours = (out: string) => out.split('\n').filter((line) => !/^\s+[✓✗] /.test(line)).join('\n');

  it('install, start and uninstall say what happened, and what to do instead, in Korean', async () => {
    const outputs: string[] = [];
    for (const args of [['gateway', 'install'], ['gateway', 'start'], ['gateway', 'uninstall'], ['gateway', 'uninstall']]) {
      const r = await run(args, { LANG: 'ko_KR.UTF-8' });
      expect(r.stdout + r.stderr, args.join(' ')).toMatch(/\p{Script=Hangul}/u);
      outputs.push(...englishRuns(ours(r.stdout + r.stderr), []).map((line) => `${args.join(' ')}: ${line}`));
    }
    expect(outputs).toEqual([]);
  });
});
