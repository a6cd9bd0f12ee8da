import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { applyRepair } from '../../src/config/parse-repair.js';
import { hasComments, readConfigFile } from '../../src/config/load.js';
import { repoRoot, tempDir } from '../helpers/cli.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

function errorOf(file: string): ConfigError {
  try {
    readConfigFile(file);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('readConfigFile', () => {
  it('reads JSON5 with comments, trailing commas and unquoted keys', () => {
    const file = write('a.json', '{\n  // hi\n  gateway: { mode: "local", port: 18789, },\n}\n');
    const r = readConfigFile(file);
    expect(r.exists && r.raw).toEqual({ gateway: { mode: 'local', port: 18789 } });
    expect(r.exists && r.hasComments).toBe(true);
  });

  it('a missing file is not an error', () => {
    expect(readConfigFile(path.join(dir, 'nope.json'))).toEqual({ exists: false, path: path.join(dir, 'nope.json') });
  });

  it.each([
    ['{ gateway: { mode: "local"\n    port: 1 } }', 2, 5, 'expected `,` or `}` after the value on line 1'],
    ['{\n  "a": 1,,\n}', 2, 10, "invalid character ','"],
    ['{ "a": ', 1, 8, 'the text stops before the JSON is complete: } is missing at the end'],
    ['{ a: tru }', 1, 9, 'invalid character'],
  ])('a parse error in %j points at line %i column %i', (text, line, column, msg) => {
    const e = errorOf(write('bad.json', text));
    expect(e.code).toBe('parse');
    expect([e.line, e.column]).toEqual([line, column]);
    expect(e.message).toContain(msg);
    expect(e.format()).toContain(`bad.json:${line}:${column}`);
    expect(e.format()).toMatch(/\^/);
  });

  it.each([
    ['a missing comma', '{\n  "gateway": {\n    "mode": "local"\n    "port": 18789\n  }\n}', 'insert the missing "," after the value on line 3', '{\n  "gateway": {\n    "mode": "local",\n    "port": 18789\n  }\n}'],
    ['a missing comma in a list', '{ "a": [1 2] }', 'insert the missing "," after the value on line 1', '{ "a": [1, 2] }'],
    ['closing braces cut off', '{\n  "gateway": {\n    "port": 1,\n', 'add the missing } } at the end', '{\n  "gateway": {\n    "port": 1,\n}}\n'],
    ['an unclosed string at the end of its line', '{\n  "a": "x,\n  "b": 1\n}', 'close the string on line 2 with "', '{\n  "a": "x",\n  "b": 1\n}'],
  ])('%s has a one-character repair that parses, and the rest of the text stays', (_what, text, description, repaired) => {
    const e = errorOf(write('r.json', text));
    expect(e.repair?.description).toBe(description);
    expect(applyRepair(text, e.repair!)).toBe(repaired);
    expect(e.hint).toContain(description);
  });

  it('offers no repair when no single insertion works, and salvages what precedes the error', () => {
    const e = errorOf(write('m.json', '{\n  "gateway": { "port": 18790, "auth": { "token": "t0ken-secret" } },\n<<<<<<< HEAD\n  "x": 1\n}'));
    expect(e.repair).toBeUndefined();
    expect(e.salvaged).toEqual({ gateway: { port: 18790, auth: { token: 't0ken-secret' } } });
    expect(JSON.stringify(e.toJSON())).not.toContain('t0ken-secret'); // --json errors never carry the salvage
    expect(errorOf(write('x.json', '{ "a": [1, 2} }')).message).toContain('found `}` where `]` should close the list opened on line 1');
  });

  it('an empty or blank file has its own error', () => {
    expect(errorOf(write('e.json', '')).code).toBe('empty');
    expect(errorOf(write('w.json', '  \n\t\n')).code).toBe('empty');
  });

  it('a top-level array or scalar is rejected', () => {
    expect(errorOf(write('arr.json', '[1,2]')).message).toMatch(/an array/);
    expect(errorOf(write('num.json', '42')).code).toBe('not-object');
  });

  it('a directory in place of the file', () => {
    const sub = path.join(dir, 'openclaw.json');
    fs.mkdirSync(sub);
    expect(errorOf(sub).code).toBe('is-directory');
  });

  it('a symlink loop', () => {
    fs.symlinkSync(path.join(dir, 'b'), path.join(dir, 'a'));
    fs.symlinkSync(path.join(dir, 'a'), path.join(dir, 'b'));
    expect(errorOf(path.join(dir, 'a')).code).toBe('symlink-loop');
  });

  it('a dangling symlink says where it points', () => {
    fs.symlinkSync(path.join(dir, 'gone.json'), path.join(dir, 'link.json'));
    expect(errorOf(path.join(dir, 'link.json')).message).toContain('gone.json');
  });

  it('invalid UTF-8 names the byte and its position', () => {
    const e = errorOf(write('bin.json', Buffer.concat([Buffer.from('{\n  "a": "x'), Buffer.from([0xff, 0xfe]), Buffer.from('"\n}')])));
    expect(e.code).toBe('invalid-utf8');
    expect(e.line).toBe(2);
    expect(e.message).toContain('0xff');
  });

  it('a UTF-8 BOM is accepted', () => {
    const r = readConfigFile(write('bom.json', '\ufeff{"a":1}'));
    expect(r.exists && r.raw).toEqual({ a: 1 });
  });

  it('an unreadable file (permissions) has its own error', () => {
    const file = write('locked.json', '{}');
    fs.chmodSync(file, 0o600);
    fs.chmodSync(dir, 0o755);
    // Root reads anything, so read as an unprivileged user when we are root.
    const script = `import('${path.join(repoRoot, 'dist/src/config/load.js')}').then(m => { try { m.readConfigFile(${JSON.stringify(file)}); console.log('read'); } catch (e) { console.log(e.code); } })`;
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if (!asNobody.uid) fs.chmodSync(file, 0o000);
    const r = spawnSync(process.execPath, ['-e', script], { ...asNobody, encoding: 'utf8', timeout: 10_000 });
    expect(r.stdout.trim()).toBe('permission');
  });

  it('substitutes ${ENV} in strings, keeps $${ESCAPED}, reports unset variables', () => {
    process.env.OC_TEST_TOKEN = 's3cret';
    const r = readConfigFile(write('env.json', '{ a: "${OC_TEST_TOKEN}", b: "x-$${OC_TEST_TOKEN}", c: "${OC_UNSET_VAR}", d: ["${OC_TEST_TOKEN}"] }'));
    delete process.env.OC_TEST_TOKEN;
    if (!r.exists) throw new Error('expected file');
    expect(r.resolved).toEqual({ a: 's3cret', b: 'x-${OC_TEST_TOKEN}', c: '${OC_UNSET_VAR}', d: ['s3cret'] });
    expect(r.raw.a).toBe('${OC_TEST_TOKEN}');
    expect(r.missingEnv).toEqual([{ path: 'c', name: 'OC_UNSET_VAR' }]);
  });
});

describe('hasComments', () => {
  it('ignores comment markers inside strings', () => {
    expect(hasComments('{"url": "http://x/y"}')).toBe(false);
    expect(hasComments("{'a': '/* no */'}")).toBe(false);
    expect(hasComments('{a: 1 /* yes */}')).toBe(true);
    expect(hasComments('{a: 1} // yes')).toBe(true);
  });
});
