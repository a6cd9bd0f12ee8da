// Tests mirror checks/: every checks/<area>/<name>.ts has test/checks/<area>/<name>.test.ts, and that
// file runs the check through the one harness (testCheck), whose first test asserts one valid, one
// invalid and (with a repair) one repaired case. No test file is left without its check.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChecks } from '../../src/engine/loader.js';

const ROOT = path.resolve(__dirname, '../..');
const under = (dir: string, ext: string) =>
  fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => f.slice(0, -ext.length))
    .sort();

const checks = under('checks', '.ts').filter((f) => !f.endsWith('.d'));
const tests = under('test/checks', '.test.ts').filter((f) => f.includes('/'));

describe('test/checks mirrors checks/', () => {
  it.each(checks)('checks/%s.ts has its test file on the harness', (name) => {
    const file = path.join(ROOT, 'test/checks', `${name}.test.ts`);
    expect(fs.existsSync(file), `test/checks/${name}.test.ts`).toBe(true);
    const text = fs.readFileSync(file, 'utf8');
    const imported = new RegExp(`^import (\\w+) from '\\.\\./\\.\\./\\.\\./checks/${name}\\.js';$`, 'm').exec(text);
    expect(imported, `imports checks/${name}.js`).not.toBeNull();
    expect(text).toContain(`testCheck(${imported![1]}, {`);
  });

  it('every test file there belongs to a check', () => {
    expect(tests.filter((t) => !checks.includes(t))).toEqual([]);
  });

  it('every check is a module in checks/ and loads', async () => {
    const ids = (await loadChecks()).map((c) => c.meta.id).sort();
    expect(ids).toEqual(checks);
  });

  it('remote checks read only the remote fact; service checks read services and repair exactly when they say so', async () => {
    for (const c of await loadChecks()) {
      if (c.meta.area === 'remote') expect(c.meta.facts, c.meta.id).toEqual(['remote']);
      if (c.meta.area === 'service') {
        expect(c.meta.facts[0], c.meta.id).toBe('services');
        expect(Boolean(c.repair), c.meta.id).toBe(c.meta.fix !== 'none');
      }
    }
  });
});
