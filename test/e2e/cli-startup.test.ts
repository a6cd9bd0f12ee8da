// Start-up stays light: a command loads its own modules only, and commands that do not validate
// a config never load zod (the heaviest dependency). The trace is an ESM resolve hook.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI as CLI_FOR_PIPE, runCli } from '../helpers/cli-sync.js';

let dir: string;
let register: string;
let stateDir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-startup-'));
  stateDir = path.join(dir, 'state');
  fs.mkdirSync(stateDir, { mode: 0o700 });
  const hooks = path.join(dir, 'hooks.mjs');
  fs.writeFileSync(hooks, `import fs from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); if (process.env.TRACE_FILE) fs.appendFileSync(process.env.TRACE_FILE, r.url + '\\n'); return r; }\n`);
  register = path.join(dir, 'register.mjs');
  fs.writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function loadedBy(args: string[]): { code: number; stdout: string; loaded: string } {
  const trace = path.join(dir, `trace-${args.join('-')}.txt`);
  const env = { PATH: process.env.PATH, HOME: dir, NO_COLOR: '1', OPENCLAW_STATE_DIR: stateDir, TRACE_FILE: trace };
  const r = runCli(args, env, { nodeArgs: ['--import', register] });
  return { code: r.code, stdout: r.stdout, loaded: fs.readFileSync(trace, 'utf8') };
}

const ZOD = /node_modules\/zod\/|\/vendor\/zod\.js/;

describe('CLI start-up', () => {
  it('--version loads no command module and no zod', () => {
    const r = loadedBy(['--version']);
    expect(r.code).toBe(0);
    expect(r.loaded).toContain('/dist/src/cli/main.js'); // the trace works
    expect(r.loaded).not.toContain('/cli/commands/');
    expect(r.loaded).not.toMatch(ZOD);
  });

  it('config file loads the config command only, and no zod', () => {
    const r = loadedBy(['config', 'file']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(path.join(stateDir, 'openclaw.json'));
    expect(r.loaded).toContain('/cli/commands/config.js');
    expect(r.loaded).not.toContain('/cli/commands/doctor.js');
    expect(r.loaded).not.toContain('/cli/commands/gateway.js');
    expect(r.loaded).not.toMatch(ZOD);
  });

  it('--help lists every command without loading them', () => {
    const r = loadedBy(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['config', 'doctor [options]', 'gateway', 'logs', 'explain [options] [text...]', 'models']) expect(r.stdout).toContain(`  ${name} `);
    expect(r.loaded).not.toContain('/cli/commands/');
  });

  it('help X loads X and prints its subcommands', () => {
    const r = loadedBy(['help', 'gateway']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('install [options]');
    expect(r.loaded).toContain('/cli/commands/gateway-service.js');
    expect(r.loaded).not.toContain('/cli/commands/doctor.js');
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
