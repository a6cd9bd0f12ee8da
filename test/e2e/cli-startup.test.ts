// Start-up stays light: a command loads its own modules only, and commands that do not validate
// a config never load zod (the heaviest dependency). The trace is an ESM resolve hook.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI as CLI_FOR_PIPE, runCli } from '../helpers/cli-sync.js';
import { traceModules } from '../helpers/module-trace.js';
import { cleanup, envFor, freePort, makeState, newToken, startGateway, type RunningGateway } from './gateway-harness.js';

let dir: string;
let stateDir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-startup-'));
  stateDir = path.join(dir, 'state');
  fs.mkdirSync(stateDir, { mode: 0o700 });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function loadedBy(args: string[]) {
  return traceModules(args, { PATH: process.env.PATH, HOME: dir, NO_COLOR: '1', OPENCLAW_STATE_DIR: stateDir });
}

const isZod = (m: string) => m.startsWith('node_modules/zod/');
const commandModules = (modules: string[]) => modules.filter((m) => m.startsWith('src/cli/commands/'));

describe('CLI start-up', () => {
  it('--version loads no command module and no zod', () => {
    const r = loadedBy(['--version']);
    expect(r.code).toBe(0);
    expect(r.modules).toContain('src/cli/openclaw.ts'); // the trace works
    expect(commandModules(r.modules)).toEqual([]);
    expect(r.modules.filter(isZod)).toEqual([]);
  });

  it('config file loads the config command only, and no zod', () => {
    const r = loadedBy(['config', 'file']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(path.join(stateDir, 'openclaw.json'));
    expect(commandModules(r.modules)).toEqual(['src/cli/commands/config.ts']);
    expect(r.modules.filter(isZod)).toEqual([]);
  });

  it('--help lists every command without loading them', () => {
    const r = loadedBy(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['config', 'doctor [options]', 'gateway', 'logs', 'explain [options] [text...]', 'models']) expect(r.stdout).toContain(`  ${name} `);
    expect(commandModules(r.modules)).toEqual([]);
  });

  it('help X loads X and prints its subcommands', () => {
    const r = loadedBy(['help', 'gateway']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('install [options]');
    expect(r.modules).toContain('src/cli/commands/gateway-service.ts');
    expect(r.modules).not.toContain('src/cli/commands/doctor.ts');
  });

  it('the doctor runs the checks compiled into the bundle: every module under checks/, none read from disk', async () => {
    const { loadChecks, moduleFiles } = await import('../../src/engine/loader.js');
    const fromSources = (await loadChecks(path.resolve('checks'))).map((c) => c.meta.id);
    const r = runCli(['doctor', '--list', '--json'], { PATH: process.env.PATH, HOME: dir, NO_COLOR: '1', OPENCLAW_STATE_DIR: stateDir });
    expect(r.code).toBe(0);
    expect(r.json<{ id: string }[]>().map((c) => c.id)).toEqual(fromSources);
    const traced = loadedBy(['doctor', '--list']);
    const checkFiles = moduleFiles(path.resolve('checks')).map((f) => path.relative(process.cwd(), f));
    expect(traced.modules.filter((m) => m.startsWith('checks/'))).toEqual(checkFiles.sort());
    expect(traced.modules.filter((m) => m.startsWith('dist/'))).toEqual([]); // nothing from tsc's per-module output
  });

  it('an unknown command is still a usage error with a suggestion', () => {
    const r = runCli(['doctr'], { PATH: process.env.PATH, HOME: dir, NO_COLOR: '1', OPENCLAW_STATE_DIR: stateDir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'doctr'");
    expect(r.stderr).toContain('doctor');
  });

  it('a mistyped subcommand of a group with a default subcommand is an unknown command, not an argument of the default', () => {
    const env = { PATH: process.env.PATH, HOME: dir, NO_COLOR: '1', OPENCLAW_STATE_DIR: stateDir };
    const typo = runCli(['gateway', 'statsu'], env);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe("error: unknown command 'statsu'\n  Did you mean status?\n  (run with --help for usage)\n");
    expect(runCli(['logs', 'scna'], env).stderr).toContain('Did you mean scan?');
    const korean = runCli(['gateway', 'statsu'], { ...env, LANG: 'ko_KR.UTF-8' });
    expect(korean.code).toBe(2);
    expect(korean.stderr).toContain("알 수 없는 명령 'statsu'");
    // Naming the default subcommand still runs it (`gateway run --help` answers with its own help).
    expect(runCli(['gateway', 'run', '--help'], env).stdout).toContain('openclaw gateway run');
    // A flag still goes to the default subcommand, which refuses a stray word after it as before.
    expect(runCli(['gateway', '--port', '1', 'bogus'], env).stderr).toContain("too many arguments for 'run'");
  });
});

describe('the bundle', () => {
  it('is ASCII only, so V8 holds its source as a one-byte string (one raw character doubles it)', () => {
    const text = fs.readFileSync('dist/src/cli/openclaw.cjs', 'latin1');
    const at = text.search(/[^\x00-\x7f]/);
    expect(at === -1 ? '' : text.slice(Math.max(0, at - 60), at + 20)).toBe('');
  });
});

describe('a reader that closes the pipe early', () => {
  it('ends quietly instead of printing an EPIPE stack trace', async () => {
    const { execa } = await import('execa');
    // `head -c 1` reads one byte and exits; the CLI keeps writing help into the closed pipe.
    const r = await execa('bash', ['-c', `node ${JSON.stringify(CLI_FOR_PIPE)} --help | head -c 1 >/dev/null; node ${JSON.stringify(CLI_FOR_PIPE)} doctor --list | head -c 1 >/dev/null`], {
      reject: false,
      timeout: 20_000,
    });
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled 'error' event/);
  });
});

// What Node itself loads for a command costs as much as our code (bench/README.md, "CLI start-up"):
// the bin is CommonJS so that no ES module loader starts, ws gets https/tls only for wss://, and
// nothing on the doctor's path touches fs/promises (which brings Node's readline internals).
describe('Node internals the doctor does not need', () => {
  let gateway: RunningGateway;
  let gwState: string;
  beforeAll(async () => {
    const port = await freePort();
    gwState = makeState({ gateway: { mode: 'local', port, bind: 'loopback', auth: { mode: 'token', token: newToken() } } });
    gateway = await startGateway(gwState, ['--port', String(port)]);
  }, 20_000);
  afterAll(cleanup);

  /** Runs `node <entry> args` with a preload that writes Node's own module list at exit. */
  function internalsOf(entry: string, args: string[]) {
    const list = path.join(dir, `modules-${path.basename(entry)}.txt`);
    const hook = path.join(dir, 'module-list.cjs');
    fs.writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));\n`);
    const r = spawnSync(process.execPath, ['--require', hook, entry, ...args], { env: envFor(gwState, { HOME: dir, OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR: path.join(dir, 'no-logs') }), encoding: 'utf8', timeout: 20_000 });
    const loaded = fs.readFileSync(list, 'utf8').split('\n').map((m) => m.replace(/^NativeModule /, ''));
    return { status: r.status, stdout: r.stdout, loaded };
  }
  const unwanted = (loaded: string[]) =>
    loaded.filter((m) => /^internal\/modules\/esm\/(translators|module_job)$|^(tls|https|fs\/promises|internal\/fs\/promises|internal\/readline\/interface|child_process|dgram|perf_hooks|tty)$/.test(m));

  it('doctor --json from the package bin, our gateway running: no ES module loader, TLS, https, fs/promises, child_process, perf_hooks or tty', () => {
    const bin = JSON.parse(fs.readFileSync('package.json', 'utf8')).bin.openclaw as string;
    const r = internalsOf(path.resolve(bin), ['doctor', '--json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.findings.map((f: { checkId: string }) => f.checkId)).not.toContain('gateway/not-running');
    expect(r.loaded).toContain('net'); // the list is real: the probe connected
    expect(unwanted(r.loaded)).toEqual([]);
    // main.js, the old bin, still starts the same CLI with the same answer
    const old = internalsOf(path.resolve('dist/src/cli/main.js'), ['doctor', '--json']);
    expect(old.status).toBe(0);
    expect({ ...JSON.parse(old.stdout), durationMs: 0 }).toEqual({ ...report, durationMs: 0 });
  });
});
