// The config commands as a user runs them: the built CLI, a scratch state dir, real files.
import fs from 'node:fs';
import path from 'node:path';
import JSON5 from 'json5';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanEnv, runCli, tempDir } from '../helpers/cli.js';

let dir: string;
let file: string;
let env: Record<string, string | undefined>;

// A config as real installs have it: comments, unquoted keys, many keys the toolkit does not model.
const REAL_LOOKING = `{
  // Written by the onboarding wizard
  meta: { lastTouchedVersion: "2026.9.6", lastTouchedAt: "2026-11-01T10:00:00.000Z" },
  wizard: { lastRunAt: "2026-11-01T10:00:00.000Z", lastRunVersion: "2026.9.6", lastRunCommand: "onboard" },
  auth: { profiles: { "anthropic:default": { provider: "anthropic", mode: "api_key" } } },
  agents: {
    defaults: {
      workspace: "/home/ada/.openclaw/workspace",
      model: { primary: "anthropic/claude-opus-4-6" },
      models: { "anthropic/claude-opus-4-6": { params: { context1m: false } } },
      heartbeat: { every: "30m" },
    },
  },
  channels: { telegram: { enabled: true, botToken: "123456:ABCdef", dmPolicy: "pairing" } },
  gateway: {
    port: 18789,
    bind: "loopback",
    auth: { mode: "token", token: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c" },
    tailscale: { mode: "off", resetOnExit: false },
  },
  skills: { install: { nodeManager: "npm" } },
  plugins: { entries: { telegram: { enabled: true } } },
}
`;

beforeEach(() => {
  dir = tempDir();
  file = path.join(dir, 'openclaw.json');
  env = cleanEnv({ OPENCLAW_STATE_DIR: dir, HOME: dir });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('openclaw config', () => {
  it('set gateway.mode local changes only that key and leaves a backup', async () => {
    fs.writeFileSync(file, REAL_LOOKING);
    const before = JSON5.parse(REAL_LOOKING);
    const r = await runCli(['config', 'set', 'gateway.mode', 'local'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Set gateway.mode');
    expect(r.stderr).toMatch(/comments .* not kept/);
    const after = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(after).toEqual({ ...before, gateway: { ...before.gateway, mode: 'local' } });
    expect(fs.readFileSync(`${file}.bak`, 'utf8')).toBe(REAL_LOOKING);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('validate --json on a broken file reports line and column; exit 1', async () => {
    fs.writeFileSync(file, '{\n  gateway: {\n    mode: "local"\n    port: 18789\n  }\n}\n');
    const r = await runCli(['config', 'validate', '--json'], { env });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ valid: false, path: file });
    expect(out.issues[0]).toMatchObject({ path: '(file)', code: 'parse', line: 4, column: 5 });
  });

  it('validate --json on a valid file; issues carry dotted paths otherwise', async () => {
    fs.writeFileSync(file, REAL_LOOKING);
    expect(JSON.parse((await runCli(['config', 'validate', '--json'], { env })).stdout)).toEqual({ valid: true, path: file, issues: [] });
    fs.writeFileSync(file, '{ gateway: { mode: "local", token: "x", port: "80" } }');
    const r = await runCli(['config', 'validate', '--json'], { env });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).issues.map((i: { path: string }) => i.path).sort()).toEqual(['gateway.port', 'gateway.token']);
  });

  it('get redacts secrets unless --show-secrets', async () => {
    fs.writeFileSync(file, REAL_LOOKING);
    const r = await runCli(['config', 'get', 'gateway.auth', '--json'], { env });
    expect(JSON.parse(r.stdout)).toEqual({ mode: 'token', token: '***' });
    const token = await runCli(['config', 'get', 'gateway.auth.token'], { env });
    expect(token.stdout.trim()).toBe('***');
    const shown = await runCli(['--show-secrets', 'config', 'get', 'gateway.auth.token'], { env });
    expect(shown.stdout.trim()).toBe('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c');
    const whole = await runCli(['config', 'get'], { env });
    expect(whole.stdout).not.toContain('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c');
    expect(whole.stdout).not.toContain('ABCdef');
  });

  it('get of an unset path exits 1', async () => {
    fs.writeFileSync(file, '{}');
    const r = await runCli(['config', 'get', 'gateway.mode'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not set');
  });

  it('set parses JSON5 values with a string fallback; --string forces a string', async () => {
    fs.writeFileSync(file, '{}');
    await runCli(['config', 'set', 'gateway.port', '19000'], { env });
    await runCli(['config', 'set', 'gateway.controlUi.allowedOrigins', '["https://a.example"]'], { env });
    await runCli(['config', 'set', 'gateway.bind', 'lan'], { env });
    await runCli(['config', 'set', 'gateway.auth.token', '12345', '--string'], { env });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({
      gateway: { port: 19000, controlUi: { allowedOrigins: ['https://a.example'] }, bind: 'lan', auth: { token: '12345' } },
    });
  });

  it('set --dry-run prints a redacted diff and writes nothing', async () => {
    fs.writeFileSync(file, REAL_LOOKING);
    const r = await runCli(['config', 'set', 'gateway.mode', 'local', '--dry-run'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+    "mode": "local"');
    expect(r.stdout).not.toContain('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c');
    expect(fs.readFileSync(file, 'utf8')).toBe(REAL_LOOKING);
    expect(fs.existsSync(`${file}.bak`)).toBe(false);
  });

  it('set that makes the config invalid is refused (exit 1), saved as .rejected, file untouched', async () => {
    fs.writeFileSync(file, REAL_LOOKING);
    const r = await runCli(['config', 'set', 'gateway.port', '99999', '--json'], { env });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.error.issues[0].path).toBe('gateway.port');
    expect(fs.existsSync(out.error.rejectedPath)).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(REAL_LOOKING);
  });

  it('unset removes a key; unsetting a missing key is a no-op', async () => {
    fs.writeFileSync(file, '{ gateway: { mode: "local", token: "legacy" } }');
    expect((await runCli(['config', 'unset', 'gateway.token'], { env })).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ gateway: { mode: 'local' } });
    const again = await runCli(['config', 'unset', 'gateway.token', '--json'], { env });
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, changed: false });
  });

  it('patch --stdin applies a JSON5 merge patch; a bad patch is a usage error with its position', async () => {
    fs.writeFileSync(file, '{ gateway: { mode: "remote", token: "x" } }');
    const r = await runCli(['config', 'patch', '--stdin'], { env, input: '{ gateway: { mode: "local", token: null } }' });
    expect(r.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ gateway: { mode: 'local' } });
    const bad = await runCli(['config', 'patch', '--stdin'], { env, input: '{ gateway: ' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/<stdin>:1:\d+/);
    const neither = await runCli(['config', 'patch'], { env });
    expect(neither.code).toBe(2);
  });

  it('commands on an unparseable config exit 78 with file:line:col and write nothing', async () => {
    fs.writeFileSync(file, '{ gateway: { mode: "local", }, }}');
    const r = await runCli(['config', 'set', 'gateway.port', '1'], { env });
    expect(r.code).toBe(78);
    expect(r.stderr).toContain(`${file}:1:`);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(fs.readFileSync(file, 'utf8')).toBe('{ gateway: { mode: "local", }, }}');
  });

  it('file --json says where the config is and why', async () => {
    const r = await runCli(['config', 'file', '--json'], { env });
    expect(JSON.parse(r.stdout)).toMatchObject({ path: file, exists: false, source: 'env', from: 'OPENCLAW_STATE_DIR' });
    const prof = await runCli(['--profile', 'work', 'config', 'file', '--json'], { env: cleanEnv({ HOME: dir }) });
    expect(JSON.parse(prof.stdout)).toMatchObject({ path: path.join(dir, '.openclaw-work', 'openclaw.json'), source: 'flag', from: '--profile' });
    const dev = await runCli(['--dev', 'config', 'file', '--json'], { env: cleanEnv({ HOME: dir }) });
    expect(JSON.parse(dev.stdout).path).toBe(path.join(dir, '.openclaw-dev', 'openclaw.json'));
  });

  it('usage errors exit 2; --help and --version exit 0', async () => {
    expect((await runCli(['config', 'set', 'gateway.mode'], { env })).code).toBe(2);
    expect((await runCli(['config', 'get', '--bogus'], { env })).code).toBe(2);
    expect((await runCli(['nosuchcommand'], { env })).code).toBe(2);
    expect((await runCli(['config', 'get', 'a..b'], { env: { ...env } })).code).toBe(78); // no config yet
    fs.writeFileSync(file, '{}');
    expect((await runCli(['config', 'get', 'a..b'], { env })).code).toBe(2);
    expect((await runCli(['--profile', '../x', 'config', 'file'], { env })).code).toBe(2);
    const help = await runCli(['--help'], { env });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes');
    const version = await runCli(['--version'], { env });
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('NO_COLOR and --no-color produce no escape codes', async () => {
    fs.writeFileSync(file, '{ gateway: { port: "x" } }');
    for (const e of [{ ...env, NO_COLOR: '1', FORCE_COLOR: '1' }, env]) {
      const r = await runCli(['--no-color', 'config', 'validate'], { env: e });
      expect(r.stderr).not.toContain('\u001b[');
    }
    const forced = await runCli(['config', 'validate'], { env: { ...env, FORCE_COLOR: '1' } });
    expect(forced.stderr).toContain('\u001b[');
  });
});
