// The --targets file: YAML or JSON, secrets by reference only, and a clear error for each way a
// file can be wrong, none of which repeats a secret.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTargets, TargetsError } from '../../src/engine/targets.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-targets-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

const fails = (f: string, env: NodeJS.ProcessEnv = {}) => {
  try {
    loadTargets(f, env);
  } catch (err) {
    expect(err).toBeInstanceOf(TargetsError);
    return (err as Error).message;
  }
  throw new Error('expected a TargetsError');
};

describe('loadTargets', () => {
  it('reads YAML with labels and secrets from a variable or a file (relative to the targets file)', () => {
    fs.mkdirSync(path.join(dir, 'secrets'));
    file('secrets/b.token', 'tok-from-file-123\n');
    const f = file('t.yaml', 'targets:\n  - name: a\n    url: wss://a.example.com\n    labels: {env: prod, shard: 3}\n    tokenEnv: A_TOKEN\n  - url: ws://127.0.0.1:18789\n    tokenFile: secrets/b.token\n  - name: c\n    url: wss://c.example.com\n');
    const t = loadTargets(f, { A_TOKEN: 'tok-from-env-456' }, { password: 'fallback-pw' });
    expect(t).toEqual([
      { name: 'a', url: 'wss://a.example.com', labels: { env: 'prod', shard: '3' }, token: 'tok-from-env-456', password: undefined },
      { name: '127.0.0.1:18789', url: 'ws://127.0.0.1:18789', labels: {}, token: 'tok-from-file-123', password: undefined },
      { name: 'c', url: 'wss://c.example.com', labels: {}, token: undefined, password: 'fallback-pw' },
    ]);
  });

  it('reads a JSON list', () => {
    const f = file('t.json', JSON.stringify([{ url: 'wss://x.example.com', passwordEnv: 'X_PW' }]));
    expect(loadTargets(f, { X_PW: 'pw-123456' })).toMatchObject([{ name: 'x.example.com', password: 'pw-123456' }]);
  });

  it('refuses an inline secret without repeating it', () => {
    const msg = fails(file('inline.yaml', '- url: wss://a.example.com\n  token: s3cr3t-inline-value\n'));
    expect(msg).toContain('writes its token inline');
    expect(msg).toContain('tokenEnv');
    expect(msg).not.toContain('s3cr3t-inline-value');
    const inUrl = fails(file('inurl.yaml', '- url: wss://ops:s3cr3t-in-url@a.example.com\n'));
    expect(inUrl).toContain('credentials inside its url');
    expect(inUrl).not.toContain('s3cr3t-in-url');
  });

  it('names what is wrong: unset variable, empty or missing secret file, unknown key, duplicate names, nothing listed, not YAML', () => {
    expect(fails(file('env.yaml', '- url: wss://a.example.com\n  tokenEnv: NOPE_TOKEN\n'))).toContain('$NOPE_TOKEN, which is not set');
    file('empty.token', '\n');
    expect(fails(file('emptyfile.yaml', '- url: wss://a.example.com\n  tokenFile: empty.token\n'))).toContain('is empty');
    expect(fails(file('missing.yaml', '- url: wss://a.example.com\n  tokenFile: nowhere.token\n'))).toContain('ENOENT');
    expect(fails(file('key.yaml', '- url: wss://a.example.com\n  tokn: X\n'))).toMatch(/\[0\]/);
    expect(fails(file('dup.yaml', '- url: wss://a.example.com\n- url: wss://a.example.com\n'))).toContain('two targets are named "a.example.com"');
    expect(fails(file('none.yaml', 'targets: []\n'))).toContain('lists no targets');
    expect(fails(file('bad.yaml', 'targets: [\n'))).toContain('neither YAML nor JSON');
    expect(fails(file('both.yaml', '- url: wss://a.example.com\n  tokenEnv: A\n  tokenFile: b\n'))).toContain('both tokenEnv and tokenFile');
    expect(fails(path.join(dir, 'absent.yaml'))).toContain('cannot read the targets file');
    expect(fails(dir)).toContain('is not a file');
    expect(fails(file('ctl.yaml', '- url: wss://a.example.com\n  name: "evil\\u001b[2J"\n'))).toContain('target 1 has a control character');
    expect(fails(file('ctl2.json', JSON.stringify([{ url: 'wss://a.example.com', labels: { env: 'a\nb' } }])))).toContain('control character');
  });

  it('refuses a file too large to be a targets list', () => {
    expect(fails(file('huge.yaml', `# ${'x'.repeat(1024 * 1024)}\n`))).toMatch(/at most 1048576/);
  });
});
