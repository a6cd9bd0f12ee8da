import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readConfigFile } from '../../src/config/load.js';
import { backupPaths, ConfigWriteRejectedError, lastKnownGoodPath, promoteLastKnownGood, saveClobbered, writeConfig } from '../../src/config/write.js';
import { tempDir } from '../helpers/cli.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = tempDir();
  file = path.join(dir, 'state', 'openclaw.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('writeConfig', () => {
  it('creates the state dir 0700 and the file 0600 as plain JSON', () => {
    writeConfig(file, { gateway: { mode: 'local' } });
    expect(mode(path.dirname(file))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ gateway: { mode: 'local' } });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['openclaw.json']);
  });

  it('keeps a ring of five backups, newest in .bak', () => {
    for (let i = 0; i < 8; i++) writeConfig(file, { gateway: { port: 1000 + i } });
    const ring = backupPaths(file).map((p) => JSON.parse(fs.readFileSync(p, 'utf8')).gateway.port);
    // After writes 0..7 the file holds 1007; backups hold the five before it, newest first.
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).gateway.port).toBe(1007);
    expect(ring).toEqual([1006, 1005, 1004, 1003, 1002]);
    for (const p of backupPaths(file)) expect(mode(p)).toBe(0o600);
    expect(fs.existsSync(`${file}.bak.5`)).toBe(false);
  });

  it('refuses a write that adds validation issues, keeps it as .rejected, leaves the file alone', () => {
    writeConfig(file, { gateway: { mode: 'local' } });
    const before = fs.readFileSync(file, 'utf8');
    let err: unknown;
    try {
      writeConfig(file, { gateway: { mode: 'local', port: 'eighty' } }, { previous: { gateway: { mode: 'local' } } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigWriteRejectedError);
    const rejected = (err as ConfigWriteRejectedError).rejectedPath;
    expect(path.basename(rejected)).toMatch(/^openclaw\.json\.rejected\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
    expect(JSON.parse(fs.readFileSync(rejected, 'utf8')).gateway.port).toBe('eighty');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect((err as ConfigWriteRejectedError).issues.map((i) => i.path)).toEqual(['gateway.port']);
  });

  it('does not block an unrelated change because of an issue the file already had', () => {
    const previous = { gateway: { token: 'legacy' } };
    writeConfig(file, previous, { skipValidation: true });
    expect(() => writeConfig(file, { gateway: { token: 'legacy', mode: 'local' } }, { previous })).not.toThrow();
  });

  it('appends an audit line when asked', () => {
    const audit = path.join(dir, 'state', 'logs', 'config-audit.jsonl');
    writeConfig(file, { a: 1 }, { auditFile: audit, reason: 'test' });
    const line = JSON.parse(fs.readFileSync(audit, 'utf8').trim());
    expect(line).toMatchObject({ path: file, reason: 'test' });
  });

  it('never writes ${ENV} values resolved', () => {
    process.env.OC_W_TOKEN = 'resolved-secret';
    writeConfig(file, { gateway: { auth: { token: '${OC_W_TOKEN}' } } });
    delete process.env.OC_W_TOKEN;
    expect(fs.readFileSync(file, 'utf8')).toContain('${OC_W_TOKEN}');
  });
});

describe('last-known-good and clobbered copies', () => {
  it('promotes the current file and can read it back', () => {
    writeConfig(file, { gateway: { mode: 'local' } });
    expect(promoteLastKnownGood(file)).toBe(lastKnownGoodPath(file));
    const r = readConfigFile(lastKnownGoodPath(file));
    expect(r.exists && r.raw).toEqual({ gateway: { mode: 'local' } });
  });

  it('saves a broken file aside with a timestamp', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{ broken');
    const saved = saveClobbered(file);
    expect(path.basename(saved)).toMatch(/^openclaw\.json\.clobbered\./);
    expect(fs.readFileSync(saved, 'utf8')).toBe('{ broken');
  });
});
