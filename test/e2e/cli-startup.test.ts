// Start-up stays light: a command loads its own modules only, and commands that do not validate
// a config never load zod (the heaviest dependency). The trace is an ESM resolve hook.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI as CLI_FOR_PIPE, runCli } from '../helpers/cli-sync.js';
import { traceModules } from '../helpers/module-trace.js';

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
