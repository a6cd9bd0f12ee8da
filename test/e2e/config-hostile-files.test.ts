// Issue 13 items 6a, 8, 9 through the real CLI: secrets in parse-error excerpts, a config linked to a
// system-like file, a FIFO config, a 5,000-deep config, and an undo that restores exact bytes,
// mode and symlinks, with the undo copies capped.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanEnv, runCli, tempDir } from '../helpers/cli.js';

let root: string;
let state: string;
let file: string;
let env: Record<string, string | undefined>;
beforeEach(() => {
  root = tempDir('oc-hostile-e2e-');
  state = path.join(root, 'state');
  fs.mkdirSync(state, { mode: 0o700 });
  file = path.join(state, 'openclaw.json');
  env = cleanEnv({ OPENCLAW_STATE_DIR: state, HOME: root, OPENCLAW_GATEWAY_PORT: '1' });
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const cli = (args: string[], timeoutMs = 30_000) => runCli(args, { env, timeoutMs });
const all = (r: { stdout: string; stderr: string }) => r.stdout + r.stderr;

describe('secrets and foreign files in parse errors', () => {
  const SECRET = 'tok-5f1c9e2a7b3d4e6f';

  it('no command prints the token from the line of a syntax error', async () => {
    fs.writeFileSync(file, `{"gateway":{"auth":{"token":"${SECRET}" "x":1}}}`);
    const runs = await Promise.all([
      cli(['config', 'validate']),
      cli(['config', 'validate', '--json']),
      cli(['config', 'get', 'gateway']),
      cli(['config', 'set', 'gateway.port', '19001']),
      cli(['doctor']),
      cli(['doctor', '--json']),
    ]);
    for (const r of runs) {
      expect(all(r)).toMatch(/openclaw\.json:1:|"line": 1/);
      expect(all(r)).not.toContain(SECRET);
    }
    const doctor = JSON.parse(runs[5].stdout);
    const finding = doctor.findings.find((f: any) => f.checkId === 'config/unparseable');
    expect(finding.evidence[0].value).toContain('"token":"***"');
  }, 60_000);

  it('a config linked to a system-like file outside the state dir shows none of its lines', async () => {
    const etc = path.join(root, 'etc');
    fs.mkdirSync(etc);
    fs.writeFileSync(path.join(etc, 'shadow'), 'root:$6$saltsalt$hash-that-must-not-print:19000:0:99999:7:::\n');
    fs.symlinkSync(path.join(etc, 'shadow'), file);
    for (const r of await Promise.all([cli(['config', 'validate']), cli(['doctor']), cli(['doctor', '--json'])])) {
      expect(all(r)).toContain('cannot be parsed');
      expect(all(r)).not.toContain('hash-that-must-not-print');
    }
  }, 60_000);
});

describe('special and pathological config files', () => {
  it('a FIFO config is refused at once by validate, doctor and the gateway (exit 78)', async () => {
    expect(spawnSync('mkfifo', [file]).status).toBe(0);
    const [validate, doctor, gateway] = await Promise.all([
      cli(['config', 'validate'], 20_000),
      cli(['doctor', '--json'], 20_000),
      cli(['gateway', 'run', '--port', '0'], 20_000),
    ]);
    expect(validate.code).toBe(1);
    expect(validate.stdout + validate.stderr).toContain('named pipe (FIFO), not a regular file');
    const report = JSON.parse(doctor.stdout);
    expect(report.ok).toBe(false);
    expect(report.findings.map((f: any) => f.checkId)).toContain('config/unparseable');
    expect(gateway.code).toBe(78);
    expect(gateway.stderr).toContain('not a regular file');
  }, 60_000);

  it('doctor --fix --yes replaces a FIFO config with the last good copy and moves the FIFO aside', async () => {
    fs.writeFileSync(`${file}.bak`, '{"gateway":{"mode":"local"}}\n');
    expect(spawnSync('mkfifo', [file]).status).toBe(0);
    const fixed = await cli(['doctor', '--fix', '--yes', '--json'], 20_000);
    expect(fixed.code).not.toBe(-1); // finished, not killed by the timeout
    expect(JSON.parse(fixed.stdout).fixes).toEqual(expect.arrayContaining([expect.objectContaining({ checkId: 'config/unparseable', status: 'applied' })]));
    expect(fs.statSync(file).isFile()).toBe(true);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).gateway.mode).toBe('local');
    const aside = fs.readdirSync(state).filter((n) => n.startsWith('openclaw.json.clobbered.'));
    expect(aside.length).toBe(1);
    expect(fs.statSync(path.join(state, aside[0])).isFIFO()).toBe(true);
  }, 30_000);

  it('a FIFO in place of a backup does not hang the doctor', async () => {
    fs.writeFileSync(file, '{"gateway":{"mode":"local"}}\n');
    expect(spawnSync('mkfifo', [`${file}.bak`]).status).toBe(0);
    const doctor = await cli(['doctor', '--json'], 20_000);
    expect(doctor.code).not.toBe(-1); // finished, not killed by the timeout
    expect(JSON.parse(doctor.stdout).checksRun).toBeGreaterThan(0);
  }, 30_000);

  it('a config nested 5,000 levels is invalid for validate, doctor and the gateway (exit 78), without a stack overflow', async () => {
    fs.writeFileSync(file, `{"gateway":{"mode":"local"},"a":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    const [validate, doctor, gateway] = await Promise.all([
      cli(['config', 'validate']),
      cli(['doctor', '--json']),
      cli(['gateway', 'run', '--port', '0'], 20_000),
    ]);
    for (const r of [validate, doctor, gateway]) expect(all(r)).not.toContain('Maximum call stack');
    expect(validate.code).toBe(1);
    expect(all(validate)).toContain('deeper than 100 levels');
    const report = JSON.parse(doctor.stdout);
    expect(report.ok).toBe(false);
    expect(report.findings.find((f: any) => f.checkId === 'config/unparseable')?.message).toContain('deeper than 100 levels');
    expect(gateway.code).toBe(78);
  }, 60_000);
});

describe('exact undo', () => {
  it('restores the bytes (0xE9 stays 0xE9) and the mode 0640 of the config a restore replaced', async () => {
    const good = '{"gateway":{"mode":"local"}}\n';
    fs.writeFileSync(`${file}.bak`, good, { mode: 0o600 });
    const broken = Buffer.concat([Buffer.from('{"gateway":{"mode":"local"},"note":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]);
    fs.writeFileSync(file, broken);
    fs.chmodSync(file, 0o640);

    const fixed = await cli(['doctor', '--fix', '--yes', '--json']);
    expect(JSON.parse(fixed.stdout).fixes).toEqual(expect.arrayContaining([expect.objectContaining({ checkId: 'config/unparseable', status: 'applied' })]));
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(JSON.parse(good));

    const undo = await cli(['doctor', '--undo', '--yes']);
    expect(undo.code).toBe(0);
    expect(fs.readFileSync(file).equals(broken)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
  }, 60_000);

  it('a symlinked config stays a link through config set, doctor --fix and --undo', async () => {
    const real = path.join(root, 'dotfiles', 'openclaw.json');
    fs.mkdirSync(path.dirname(real));
    fs.writeFileSync(real, '{"notes":{"a":1}}\n');
    fs.symlinkSync(real, file);

    expect((await cli(['config', 'set', 'notes.b', '2'])).code).toBe(0);
    expect(fs.lstatSync(file).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(real, 'utf8')).notes).toEqual({ a: 1, b: 2 });
    // gateway.mode is unset: the safe fix sets it, through the link.
    const before = fs.readFileSync(real);
    expect((await cli(['doctor', '--fix', '--json'])).code).not.toBe(-1);
    expect(fs.lstatSync(file).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(real, 'utf8')).gateway.mode).toBe('local');
    expect((await cli(['doctor', '--undo'])).code).toBe(0);
    expect(fs.lstatSync(file).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real).equals(before)).toBe(true);
  }, 60_000);

  it('orphan undo copies of killed runs are removed and the kept copy is 0600', async () => {
    const undoDir = path.join(state, 'logs', 'doctor-undo');
    fs.mkdirSync(undoDir, { recursive: true });
    for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(undoDir, `2026-11-0${i % 9}T00-00-00-${i}Z.openclaw.json`), '{"gateway":{"auth":{"token":"orphan"}}}');
    fs.writeFileSync(file, '{"notes":{}}\n');
    const fixed = await cli(['doctor', '--fix', '--json']);
    expect(JSON.parse(fixed.stdout).fixes).toEqual(expect.arrayContaining([expect.objectContaining({ checkId: 'gateway/mode-unset', status: 'applied' })]));
    const left = fs.readdirSync(undoDir);
    expect(left.length).toBe(1);
    expect(fs.statSync(path.join(undoDir, left[0])).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(undoDir, left[0]), 'utf8')).toBe('{"notes":{}}\n');
  }, 60_000);
});
