// `openclaw doctor --bundle`: the real CLI writes the archive, the system `tar` unpacks it, and a
// grep of the unpacked files for every secret set in the config, the environment, a service
// definition, logs and the journal finds none. Two runs on the same state are byte-identical.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePaths } from '../../src/config/paths.js';
import { targetOf } from '../../src/service/lifecycle.js';
import { CLI } from '../helpers/cli-sync.js';
import { traceModules } from '../helpers/module-trace.js';
import { startListener, type Listener } from '../helpers/processes.js';

const secret = (label: string) => `${label}-${crypto.randomBytes(12).toString('hex')}`;
const S = {
  gatewayToken: secret('gwtok'), // only in the environment, reached through ${GW_TOKEN} in the config
  providerKey: secret('sk-acme'), // models.providers.acme.apiKey
  channelToken: secret('chantok'), // channels.discord.token
  envPassword: secret('envpw'), // OPENCLAW_GATEWAY_PASSWORD, named nowhere in the config
  envApiKey: secret('anthropic'), // ANTHROPIC_API_KEY
  serviceToken: secret('svctok'), // Environment= in the systemd unit
  bearer: secret('bearer'), // a bare Bearer token in a log line
};

let root: string;
let home: string;
let stateDir: string;
let cwd: string;
let holder: Listener;
let unit: string;

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    NO_COLOR: '1',
    OPENCLAW_STATE_DIR: stateDir,
    OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR: path.join(root, 'no-upstream-logs'),
    GW_TOKEN: S.gatewayToken,
    OPENCLAW_GATEWAY_PASSWORD: S.envPassword,
    ANTHROPIC_API_KEY: S.envApiKey,
    ...extra,
  };
}

function doctor(args: string[], extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, 'doctor', ...args], { cwd, env: env(extra), encoding: 'utf8', timeout: 30_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function unpack(file: string): string {
  const dir = fs.mkdtempSync(path.join(root, 'unpacked-'));
  const r = spawnSync('tar', ['-xzf', file, '-C', dir], { encoding: 'utf8', timeout: 10_000 });
  expect(r.status, r.stderr).toBe(0);
  return path.join(dir, 'openclaw-bundle');
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'doctor-bundle-'));
  home = path.join(root, 'home');
  stateDir = path.join(root, 'state');
  cwd = path.join(root, 'cwd');
  for (const d of [home, stateDir, cwd, path.join(stateDir, 'logs')]) fs.mkdirSync(d, { recursive: true, mode: 0o700 });
  // A real process holds the gateway's port: the bundle's port holders must name it.
  holder = await startListener();
  const config = {
    gateway: { mode: 'local', port: holder.port, auth: { mode: 'token', token: '${GW_TOKEN}' } },
    models: { providers: { acme: { baseUrl: 'http://127.0.0.1:9/v1', apiKey: S.providerKey } } },
    channels: { discord: { token: S.channelToken } },
  };
  fs.writeFileSync(path.join(stateDir, 'openclaw.json'), JSON.stringify(config, null, 2), { mode: 0o600 });
  // The gateway's logs, as a leaking build would write them: the resolved token, a key, a bearer,
  // terminal escapes that would clear a maintainer's screen.
  fs.writeFileSync(
    path.join(stateDir, 'logs', 'gateway.log'),
    [
      ...Array.from({ length: 300 }, (_, i) => `{"level":"info","msg":"filler line ${i}"}`),
      `{"level":"warn","msg":"auth failed: token=${S.gatewayToken} from 127.0.0.1"}`,
      `{"level":"error","msg":"provider acme rejected ${S.providerKey}\x1b[2J\x1b]0;pwned\x07"}`,
      `{"level":"info","msg":"upstream said Authorization: Bearer ${S.bearer}"}`,
      `{"level":"info","msg":"password ${S.envPassword} and ${S.envApiKey} and ${S.channelToken}"}`,
    ].join('\n') + '\n',
  );
  fs.writeFileSync(path.join(stateDir, 'logs', 'gateway.err.log'), `listen EADDRINUSE 127.0.0.1:${holder.port} service token ${S.serviceToken}\n`);
  fs.writeFileSync(
    path.join(stateDir, 'logs', 'doctor-journal.jsonl'),
    `${JSON.stringify({ id: 'j1', at: '2026-12-01T00:00:00.000Z', checkIds: ['gateway/auth-token'], configPath: path.join(stateDir, 'openclaw.json'), undo: [], irreversible: [], note: `set gateway.auth.token to ${S.gatewayToken}` })}\n`,
  );
  // The service definition for this profile, with its own token baked in.
  unit = targetOf({ paths: resolvePaths({ env: env() }), env: env() }).file;
  fs.mkdirSync(path.dirname(unit), { recursive: true });
  fs.writeFileSync(
    unit,
    `[Unit]\nDescription=OpenClaw Gateway\n\n[Service]\nExecStart=${process.execPath} ${CLI} gateway run --port ${holder.port}\nEnvironment=OPENCLAW_STATE_DIR=${stateDir}\nEnvironment=OPENCLAW_GATEWAY_TOKEN=${S.serviceToken}\nRestart=always\n\n[Install]\nWantedBy=default.target\n`,
  );
});

afterAll(async () => {
  await holder?.kill();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('openclaw doctor --bundle', () => {
  it('collects every part, prints what it collected and the size, and contains no secret', () => {
    const file = path.join(cwd, 'support.tar.gz');
    const r = doctor(['--bundle', file]);
    expect(r.code, r.stderr).toBe(0);
    const bytes = fs.statSync(file).size;
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(r.stdout).toContain(`Support bundle written: ${file} (${(bytes / 1024).toFixed(1)} KiB`);

    const dir = unpack(file);
    const names = spawnSync('find', ['.', '-type', 'f'], { cwd: dir, encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map((n) => n.slice(2)).sort();
    expect(names).toEqual(
      ['config/openclaw.json', 'doctor-journal.jsonl', 'logs/gateway.err.log', 'logs/gateway.log', 'ports.json', 'report.json', 'report.txt', `service/${path.basename(unit)}`, 'versions.json'].sort(),
    );
    for (const n of names) expect(r.stdout).toContain(`openclaw-bundle/${n}`);

    // The grep: every secret, raw, anywhere in the unpacked files.
    for (const [what, value] of Object.entries(S)) {
      const g = spawnSync('grep', ['-rlF', value, dir], { encoding: 'utf8' });
      expect(g.stdout, `${what} leaked`).toBe('');
      expect(g.status, `${what}: grep failed`).toBe(1);
    }
    expect(r.stdout + r.stderr).not.toMatch(new RegExp(Object.values(S).join('|')));

    const read = (n: string) => fs.readFileSync(path.join(dir, n), 'utf8');
    const config = JSON.parse(read('config/openclaw.json'));
    expect(config.gateway.auth.token).toBe('${GW_TOKEN}'); // the reference says where the value lives
    expect(config.models.providers.acme.apiKey).toBe('***');
    expect(config.models.providers.acme.baseUrl).toBe('http://127.0.0.1:9/v1');
    const log = read('logs/gateway.log');
    expect(log.trimEnd().split('\n')).toHaveLength(200); // the last 200 lines of 304
    expect(log).not.toContain('filler line 103\n');
    expect(log).toContain('filler line 104');
    expect(log).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(log).toContain('\\x1b[2J\\x1b]0;pwned\\x07');
    expect(read(`service/${path.basename(unit)}`)).toContain('Environment=OPENCLAW_GATEWAY_TOKEN=***');
    expect(read('doctor-journal.jsonl')).toContain('"id":"j1"');
    const versions = JSON.parse(read('versions.json'));
    expect(versions.node).toBe(process.versions.node);
    expect(versions.toolkit).toBe(JSON.parse(fs.readFileSync('package.json', 'utf8')).version);
    expect(versions.os.platform).toBe(process.platform);
    const ports = JSON.parse(read('ports.json'));
    expect(ports.port).toBe(holder.port);
    expect(ports.holders.map((h: { pid: number }) => h.pid)).toContain(holder.pid);
    const report = JSON.parse(read('report.json'));
    expect(report.schemaVersion).toBe(1);
    expect(report).not.toHaveProperty('durationMs');
    expect(read('report.txt')).toMatch(/\d+ checks?/);
    expect(read('report.txt')).not.toMatch(/\b\d+ ms\b/); // times measured in the run read `<n> ms`
  });

  it('is reproducible: two runs on the same state give the same bytes, with fixed headers', () => {
    const a = path.join(cwd, 'a.tar.gz');
    const b = path.join(cwd, 'b.tar.gz');
    expect(doctor(['--bundle', a]).code).toBe(0);
    expect(doctor(['--bundle', b]).code).toBe(0);
    const bytesA = fs.readFileSync(a);
    expect(bytesA.equals(fs.readFileSync(b))).toBe(true);
    expect(bytesA.readUInt32LE(4)).toBe(0); // gzip header mtime
    const list = spawnSync('tar', ['--numeric-owner', '--full-time', '-tvzf', a], { encoding: 'utf8', timeout: 10_000 }).stdout.trim().split('\n');
    const entries = list.map((l) => l.split(/\s+/));
    for (const e of entries) {
      expect(e[0]).toBe('-rw-------');
      expect(e[1]).toBe('0/0');
      expect(`${e[3]} ${e[4]}`).toBe('1970-01-01 00:00:00');
    }
    const names = entries.map((e) => e.at(-1)!);
    expect(names).toEqual([...names].sort());
  });

  it('names the file by date in the cwd, refuses to overwrite without --force, and replaces with it', () => {
    const r = doctor(['--bundle', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(path.dirname(out.file)).toBe(fs.realpathSync(cwd));
    expect(path.basename(out.file)).toMatch(/^openclaw-bundle-\d{4}-\d{2}-\d{2}T[\d-]+Z\.tar\.gz$/);
    expect(out.bytes).toBe(fs.statSync(out.file).size);
    expect(out.files.map((f: { name: string }) => f.name)).toContain('openclaw-bundle/report.json');

    const taken = path.join(cwd, 'taken.tar.gz');
    fs.writeFileSync(taken, 'keep me');
    const refused = doctor(['--bundle', taken]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already exists');
    expect(fs.readFileSync(taken, 'utf8')).toBe('keep me');
    expect(fs.readdirSync(cwd).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    const forced = doctor(['--bundle', taken, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(fs.readFileSync(taken).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(fs.statSync(taken).mode & 0o777).toBe(0o600);

    expect(doctor(['--force']).code).toBe(2);
    expect(doctor(['--bundle', path.join(cwd, 'x.tar.gz'), '--fix']).code).toBe(2);
    expect(fs.existsSync(path.join(cwd, 'x.tar.gz'))).toBe(false);
  });

  it('a config that does not parse: its error goes in, its text (and the secrets in it) does not', () => {
    const broken = path.join(root, 'broken-state');
    fs.mkdirSync(broken, { mode: 0o700 });
    const leaked = secret('half-written');
    fs.writeFileSync(path.join(broken, 'openclaw.json'), `{ gateway: { mode: "local", auth: { token: "${leaked}" },\n  custom: "${leaked}-2",\n`, { mode: 0o600 });
    const file = path.join(cwd, 'broken.tar.gz');
    const r = doctor(['--bundle', file], { OPENCLAW_STATE_DIR: broken });
    expect(r.code, r.stderr).toBe(0);
    const dir = unpack(file);
    expect(fs.readFileSync(path.join(dir, 'config/ERROR.txt'), 'utf8')).toMatch(/JSON5/);
    expect(fs.existsSync(path.join(dir, 'config/openclaw.json'))).toBe(false);
    expect(spawnSync('grep', ['-rlF', leaked, dir], { encoding: 'utf8' }).status).toBe(1);
  });

  it('doctor --json loads neither the bundle code nor the tar library; --bundle does', () => {
    // tar-stream stays outside the CLI bundle (lazyRequire) and only src/support/tar.ts requires it.
    const bundleInputs = JSON.parse(fs.readFileSync('dist/bundle-inputs.json', 'utf8')).outputs['openclaw.cjs'] as string[];
    expect(bundleInputs.filter((m) => m.includes('node_modules/tar-stream/') || m.includes('node_modules/streamx/'))).toEqual([]);
    const t = (args: string[]) => traceModules(['doctor', ...args], env()).modules;
    const plain = t(['--json', '--only', 'config']);
    expect(plain.filter((m) => m.startsWith('src/support/') || m === 'src/cli/commands/doctor-bundle.ts')).toEqual([]);
    const withBundle = t(['--only', 'config', '--bundle', path.join(cwd, 'traced.tar.gz')]);
    expect(withBundle).toEqual(expect.arrayContaining(['src/support/bundle.ts', 'src/support/tar.ts', 'src/cli/commands/doctor-bundle.ts']));
  });
});
