// Issue 13 items 6a, 8, 9 at the config layer: excerpts never show secrets or non-config files,
// special files are refused without blocking, deep nesting is refused before recursion, writes keep
// symlinks and bytes, and the temp sweep reads writer pids correctly.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { readConfigFile } from '../../src/config/load.js';
import { redactSourceLine } from '../../src/config/redact.js';
import { replaceConfigBytes, sweepStaleTemps, tempWriterPid, writeConfig } from '../../src/config/write.js';
import { tempDir } from '../helpers/cli.js';

let dir: string;
beforeEach(() => {
  dir = tempDir('oc-hostile-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function readError(file: string): ConfigError {
  try {
    readConfigFile(file);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('error excerpts', () => {
  it('redacts the token on the line of a syntax error and keeps the caret on the same character', () => {
    const file = path.join(dir, 'openclaw.json');
    fs.writeFileSync(file, '{"gateway":{"auth":{"token":"S3CRET-VALUE-123" "x":1}}}');
    const e = readError(file);
    expect(e.code).toBe('parse');
    expect(e.excerpt).not.toContain('S3CRET');
    expect(JSON.stringify(e.toJSON())).not.toContain('S3CRET');
    expect(e.format()).not.toContain('S3CRET');
    expect(e.excerpt).toContain('"token":"***"');
    // The location stays the file's; the caret points at the `"x"` that broke the parse in the redacted text.
    expect(e.column).toBe(48);
    expect(e.excerpt!.slice(e.excerptColumn! - 1)).toBe('"x":1}}}');
    expect(e.format()).toContain(`\n  ${' '.repeat(e.excerptColumn! - 1)}^`);
  });

  it('redacts bare, single-quoted and next-line secret values, keeps ${ENV} references', () => {
    expect(redactSourceLine("  token: abcdef, apiKey: 'k\\'ey', port: 1").text).toBe('  token: "***", apiKey: "***", port: 1');
    expect(redactSourceLine('    "hunter22" x', 16, '  "password":').text).toBe('    "***" x');
    expect(redactSourceLine('{"token":"${GW_TOKEN}" x').text).toBe('{"token":"${GW_TOKEN}" x');
    expect(redactSourceLine('{"maxTokens": 12 x').text).toBe('{"maxTokens": 12 x');
  });

  it('shows no line of a file outside the config directory that is not a config (a link to a system file)', () => {
    const outside = path.join(dir, 'elsewhere');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'shadow'), 'root:$6$hash-that-must-not-print:19000:0:99999:7:::\n');
    const state = path.join(dir, 'state');
    fs.mkdirSync(state);
    const file = path.join(state, 'openclaw.json');
    fs.symlinkSync(path.join(outside, 'shadow'), file);
    const e = readError(file);
    expect(e.excerpt).toBeUndefined();
    expect(e.format()).not.toContain('hash-that-must-not-print');
    expect(JSON.stringify(e.toJSON())).not.toContain('hash-that-must-not-print');
  });

  it('still quotes a symlinked config elsewhere that is named and shaped like one', () => {
    const outside = path.join(dir, 'dotfiles');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'openclaw.json'), '{\n  "gateway": {mode: }\n}\n');
    const file = path.join(dir, 'openclaw.json');
    fs.symlinkSync(path.join(outside, 'openclaw.json'), file);
    expect(readError(file).excerpt).toBe('  "gateway": {mode: }');
  });
});

describe('special files', () => {
  it('refuses a FIFO without waiting for a writer', () => {
    const file = path.join(dir, 'openclaw.json');
    expect(spawnSync('mkfifo', [file]).status).toBe(0);
    const started = Date.now();
    const e = readError(file);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(e.code).toBe('not-regular');
    expect(e.message).toMatch(/named pipe \(FIFO\), not a regular file/);
  });

  it('refuses a character device', () => {
    expect(readError('/dev/null').code).toBe('not-regular');
  });
});

describe('nesting depth', () => {
  it('refuses 5,000 levels with a clear error instead of overflowing the stack', () => {
    const file = path.join(dir, 'openclaw.json');
    fs.writeFileSync(file, `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    const e = readError(file);
    expect(e.code).toBe('too-deep');
    expect(e.message).toMatch(/deeper than 100 levels/);
    expect(e.line).toBe(1);
  });

  it('accepts 99 levels and ignores brackets inside strings and comments', () => {
    const file = path.join(dir, 'openclaw.json');
    const deep = `${'{"a":'.repeat(98)}1${'}'.repeat(98)}`;
    fs.writeFileSync(file, `// [[[[ ${'['.repeat(200)}\n{"s": "${'['.repeat(300)}", "d": ${deep}}`);
    expect(readConfigFile(file).exists).toBe(true);
  });
});

describe('writes through symlinks and exact bytes', () => {
  it('a symlinked config stays a link; the write lands in its target', () => {
    const target = path.join(dir, 'real', 'openclaw.json');
    fs.mkdirSync(path.dirname(target));
    fs.writeFileSync(target, '{"gateway":{"mode":"local"}}');
    const file = path.join(dir, 'state', 'openclaw.json');
    fs.mkdirSync(path.dirname(file));
    fs.symlinkSync(target, file);
    writeConfig(file, { gateway: { mode: 'local', port: 19001 } });
    expect(fs.lstatSync(file).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(target, 'utf8')).gateway.port).toBe(19001);
    expect(JSON.parse(fs.readFileSync(`${file}.bak`, 'utf8')).gateway.port).toBeUndefined();
  });

  it('backups and restores keep bytes that are not UTF-8', () => {
    const file = path.join(dir, 'openclaw.json');
    const latin1 = Buffer.from('{"note":"caf\xe9"}', 'latin1');
    fs.writeFileSync(file, latin1);
    replaceConfigBytes(file, latin1, 0o640);
    expect(fs.readFileSync(`${file}.bak`).equals(latin1)).toBe(true);
    expect(fs.readFileSync(file).equals(latin1)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
  });
});

describe('stale temp sweep', () => {
  it('reads the pid from the end of the name, also for backup-ring temps', () => {
    expect(tempWriterPid('.openclaw.json.bak.1.4242.k3j2.tmp', 'openclaw.json')).toBe(4242);
    expect(tempWriterPid('.openclaw.json.4242.k3j2.tmp', 'openclaw.json')).toBe(4242);
    expect(tempWriterPid('.other.json.4242.k3j2.tmp', 'openclaw.json')).toBeUndefined();
  });

  it("keeps a live writer's temp files and removes a dead writer's", async () => {
    const file = path.join(dir, 'openclaw.json');
    const live = spawn('sleep', ['30'], { stdio: 'ignore' });
    const dead = spawnSync('true');
    try {
      const liveTemps = [`.openclaw.json.bak.1.${live.pid}.ab12.tmp`, `.openclaw.json.${live.pid}.cd34.tmp`];
      const deadTemps = [`.openclaw.json.bak.2.${dead.pid}.ab12.tmp`, `.openclaw.json.${dead.pid}.cd34.tmp`];
      for (const n of [...liveTemps, ...deadTemps]) fs.writeFileSync(path.join(dir, n), 'x');
      sweepStaleTemps(file);
      expect(fs.readdirSync(dir).sort()).toEqual([...liveTemps].sort());
    } finally {
      live.kill('SIGKILL');
    }
  });
});

describe('writing a config too deep to read back', () => {
  it('is refused and saved aside, the config untouched', () => {
    const file = path.join(dir, 'openclaw.json');
    fs.writeFileSync(file, '{"gateway":{"mode":"local"}}');
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 150; i++) deep = { d: deep };
    expect(() => writeConfig(file, { gateway: { mode: 'local' }, notes: deep })).toThrow(/deeper than 100 levels/);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"gateway":{"mode":"local"}}');
  });
});
