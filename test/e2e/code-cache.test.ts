// The CLI starts from V8's code cache written at build time (src/cli/bundle-script.ts,
// scripts/code-cache.mjs). The cache must be taken by the Node that built it, ignored when it
// does not fit the bundle, and never change what a command does.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { cacheFileFor, compileBundle, writeCodeCache } from '../../src/cli/bundle-script.js';
import { runCli } from '../helpers/cli-sync.js';
import { cliEnv, useFixtures } from '../helpers/fixtures.js';

const BUNDLE = path.resolve('dist/src/cli/openclaw.cjs');
const fixture = useFixtures();
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'code-cache-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A copy of the bundle and its cache, so each case can spoil one without touching dist/. */
function copyBundle(name: string): string {
  const file = path.join(dir, name, 'openclaw.cjs');
  fs.mkdirSync(path.dirname(file));
  fs.copyFileSync(BUNDLE, file);
  fs.copyFileSync(`${BUNDLE}.cache`, `${file}.cache`);
  return file;
}

describe('code cache', () => {
  it('the build writes one that this Node takes', () => {
    expect(fs.statSync(`${BUNDLE}.cache`).size).toBeGreaterThan(100_000);
    expect(compileBundle({ useCache: true, file: BUNDLE }).cacheUsed).toBe(true);
    expect(compileBundle({ useCache: false, file: BUNDLE }).cacheUsed).toBe(false);
  });

  // The gateway's start compiles code a doctor run never does: it has a cache recorded from a start.
  it('the gateway run starts from a cache of its own, every other command from the doctor\'s', () => {
    expect(fs.statSync(`${BUNDLE}.gateway.cache`).size).toBeGreaterThan(100_000);
    for (const args of [['gateway'], ['gateway', 'run'], ['gateway', '--port', '18789'], ['--profile', 'work', 'gateway', '--port=0', '--verbose']]) {
      expect(cacheFileFor(args, BUNDLE), args.join(' ')).toBe(`${BUNDLE}.gateway.cache`);
      expect(compileBundle({ useCache: true, file: BUNDLE, args }).cacheUsed, args.join(' ')).toBe(true);
    }
    for (const args of [[], ['doctor', '--json'], ['gateway', 'status'], ['gateway', 'probe', '--url', 'ws://127.0.0.1:1'], ['logs', 'gateway']]) {
      expect(cacheFileFor(args, BUNDLE), args.join(' ')).toBe(`${BUNDLE}.cache`);
    }
    const file = copyBundle('gateway-cache-damaged');
    fs.writeFileSync(`${file}.gateway.cache`, fs.readFileSync(`${BUNDLE}.gateway.cache`).fill(0x5a, 200, 4096));
    const { script, cacheUsed } = compileBundle({ useCache: true, file, args: ['gateway'] });
    expect(cacheUsed).toBe(false);
    expect(script.cachedDataRejected).toBeUndefined(); // the checksum stopped it before V8
  });

  it('is ignored when the bundle changed after it was written', () => {
    const file = copyBundle('edited');
    const later = new Date(fs.statSync(`${file}.cache`).mtimeMs + 60_000);
    fs.utimesSync(file, later, later);
    expect(compileBundle({ useCache: true, file }).cacheUsed).toBe(false);
  });

  // V8 aborts the whole process on damaged cached data: the checksum must stop it first.
  it('is not given to V8 when damaged or cut short', () => {
    for (const [name, spoil] of [
      ['damaged', (b: Buffer) => b.fill(0x5a, 200, 4096)],
      ['cut', (b: Buffer) => b.subarray(0, b.length >> 1)],
      ['header only', (b: Buffer) => b.subarray(0, 64)],
      ['empty', () => Buffer.alloc(0)],
    ] as const) {
      const file = copyBundle(name);
      fs.writeFileSync(`${file}.cache`, spoil(fs.readFileSync(`${file}.cache`)));
      const { script, cacheUsed } = compileBundle({ useCache: true, file });
      expect(cacheUsed, name).toBe(false);
      expect(script.cachedDataRejected, name).toBeUndefined(); // V8 was never asked
    }
  });

  it('is rejected by V8, not used, when it belongs to another script', () => {
    const file = copyBundle('other');
    const other = new vm.Script('(function () { return 42; })');
    writeCodeCache(other, `${file}.cache`);
    const { script, cacheUsed } = compileBundle({ useCache: true, file });
    expect(script.cachedDataRejected).toBe(true);
    expect(cacheUsed).toBe(false);
  });

  it('changes nothing a command prints: doctor --json and --help with and without it', () => {
    const env = cliEnv(fixture('mode-unset'));
    const cached = runCli(['doctor', '--json'], env);
    const compiled = runCli(['doctor', '--json'], { ...env, OPENCLAW_NO_CODE_CACHE: '1' });
    expect(cached.code).toBe(1);
    expect(compiled.code).toBe(1);
    const withoutTimes = (s: string) => s.replace(/"durationMs": \d+/g, '"durationMs": 0');
    expect(withoutTimes(cached.stdout)).toBe(withoutTimes(compiled.stdout));
    expect(cached.json().findings.map((f: { checkId: string }) => f.checkId)).toContain('gateway/mode-unset');
    expect(runCli(['--help'], env).stdout).toBe(runCli(['--help'], { ...env, OPENCLAW_NO_CODE_CACHE: '1' }).stdout);
  });

  it('a missing or cut-short bundle is a clear error (exit 2), not a stack trace', () => {
    const install = path.join(dir, 'install');
    fs.mkdirSync(install);
    fs.copyFileSync(path.resolve('dist/src/cli/main.cjs'), path.join(install, 'main.cjs')); // the launcher (package.json bin)
    const run = () => spawnSync(process.execPath, [path.join(install, 'main.cjs'), '--version'], { encoding: 'utf8', timeout: 20_000 });
    let r = run();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`cannot load ${path.join(install, 'openclaw.cjs')}: ENOENT`);
    expect(r.stderr).toContain('npm run build');
    fs.writeFileSync(path.join(install, 'openclaw.cjs'), fs.readFileSync(BUNDLE).subarray(0, 100_000));
    r = run();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot load .*openclaw\.cjs: .*(Unexpected|missing|Invalid)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
