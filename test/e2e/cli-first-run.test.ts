// A new user's first commands: `openclaw setup` (what the gateway's "Missing config" message sends
// them to), `--version`, the flags of default subcommands in --help, and commands that belong to
// the full OpenClaw CLI, which get a pointer instead of "unknown command".
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertNoSecretLeaks, CLI, cleanup, cli, envFor, makeState, startGateway, trackSecret } from './gateway-harness.js';

afterAll(async () => {
  assertNoSecretLeaks();
  await cleanup();
});

const configOf = (stateDir: string) => JSON.parse(fs.readFileSync(path.join(stateDir, 'openclaw.json'), 'utf8'));

describe('openclaw setup', () => {
  it('creates a 0700 state dir and a 0600 config the gateway starts with, and prints no secret', async () => {
    const stateDir = path.join(makeState(), 'fresh');
    const r = cli(stateDir, ['setup']);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.statSync(stateDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(stateDir, 'openclaw.json')).mode & 0o777).toBe(0o600);
    const config = configOf(stateDir);
    trackSecret(config.gateway.auth.token);
    expect(config.gateway).toMatchObject({ mode: 'local', bind: 'loopback', auth: { mode: 'token' } });
    expect(config.gateway.auth.token).toMatch(/^[0-9a-f]{48}$/);
    expect(r.stdout).toContain('openclaw.json');
    expect(r.stdout).not.toContain(config.gateway.auth.token);
    expect(cli(stateDir, ['config', 'validate']).code).toBe(0);

    // The gateway starts on it and answers a probe with the generated token.
    const gw = await startGateway(stateDir, ['--port', '0']);
    try {
      const probe = cli(stateDir, ['health', '--url', gw.url, '--json']);
      expect(probe.code, probe.stdout + probe.stderr).toBe(0);
      expect(JSON.parse(probe.stdout)).toMatchObject({ ok: true });
    } finally {
      await gw.stop();
    }
  });

  it('never overwrites: a second run, a symlink or a racing run leaves the first config as it was', async () => {
    const stateDir = makeState({ gateway: { mode: 'local', port: 18999 } });
    const before = fs.readFileSync(path.join(stateDir, 'openclaw.json'));
    const again = cli(stateDir, ['setup', '--json']);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout).error.message).toContain('already exists');
    expect(fs.readFileSync(path.join(stateDir, 'openclaw.json'))).toEqual(before);

    const linked = makeState();
    fs.symlinkSync(path.join(linked, 'elsewhere.json'), path.join(linked, 'openclaw.json'));
    expect(cli(linked, ['setup']).code).toBe(1);
    expect(fs.existsSync(path.join(linked, 'elsewhere.json'))).toBe(false);

    // Five set-ups at once: exactly one creates the config; the others refuse.
    const racing = path.join(makeState(), 'race');
    const codes = await Promise.all(
      Array.from({ length: 5 }, () => new Promise<number | null>((resolve) => {
        const p = spawn(process.execPath, [CLI, 'setup', '--json'], { env: envFor(racing), stdio: 'ignore' });
        const timer = setTimeout(() => p.kill('SIGKILL'), 15_000);
        p.on('exit', (code) => (clearTimeout(timer), resolve(code)));
      })),
    );
    trackSecret(configOf(racing).gateway.auth.token);
    expect(codes.filter((c) => c === 0)).toHaveLength(1);
    expect(codes.filter((c) => c === 1)).toHaveLength(4);
    expect(fs.readdirSync(racing).filter((n) => n.includes('.setup.'))).toEqual([]);
  });

  it('--json says where it wrote, with the token redacted', () => {
    const stateDir = path.join(makeState(), 'json');
    const r = cli(stateDir, ['setup', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    trackSecret(configOf(stateDir).gateway.auth.token);
    expect(out).toMatchObject({ ok: true, created: true, stateDir, configPath: path.join(stateDir, 'openclaw.json'), gateway: { auth: { token: '***' } } });
  });
});

describe('what this CLI is, and what it is not', () => {
  const stateDir = makeState();

  it('--version gives the version, the protocol range and the OpenClaw releases it knows', () => {
    const r = cli(stateDir, ['--version']);
    expect(r.code).toBe(0);
    const [version, what, compat] = r.stdout.trim().split('\n');
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(what).toContain('not the full OpenClaw CLI');
    expect(compat).toMatch(/protocol 3–4/);
    expect(compat).toMatch(/2026\.9\.6/);
  });

  it('the default subcommand’s flags show in the group’s --help', () => {
    expect(cli(stateDir, ['gateway', '--help']).stdout).toMatch(/--force\s+stop whatever listens on the port/);
    expect(cli(stateDir, ['logs', '--help']).stdout).toMatch(/-f, --follow/);
  });

  it.each([
    [['onboard', '--mode', 'local'], 'openclaw onboard'],
    [['dashboard'], 'openclaw dashboard'],
    [['models', 'list'], 'openclaw models list'],
    [['--profile', 'work', 'browser', 'snapshot'], 'openclaw browser snapshot'],
    [['approvals', 'allowlist', 'add', '/usr/bin/rg'], 'openclaw approvals allowlist'],
  ])('a full OpenClaw CLI command (%j) gets a one-line pointer and exit 2', (args, named) => {
    const r = cli(stateDir, args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`\`${named}\` is a command of the full OpenClaw CLI`);
  });

  it('a command of neither CLI is still an unknown command, and ours still run', () => {
    const r = cli(stateDir, ['nosuchcommand']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'nosuchcommand'");
    expect(cli(stateDir, ['models', 'status', '--help']).code).toBe(0);
    expect(cli(stateDir, ['help', 'onboard']).code).toBe(2);
  });
});
