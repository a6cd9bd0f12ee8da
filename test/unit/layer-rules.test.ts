// The layer rules (.dependency-cruiser.cjs) bite: a small tree with an upward import and a circle
// fails `depcruise` with the rule names, and the same tree without them passes.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'node_modules', '.bin', 'depcruise');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function tree(files: Record<string, string>): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'));
  const all = { 'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }), ...files };
  for (const [name, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function cruise(cwd: string): Promise<{ code: number; out: string }> {
  try {
    const r = await run(BIN, ['src', 'checks', '--config', CONFIG, '--output-type', 'err'], { cwd, timeout: 60_000 });
    return { code: 0, out: r.stdout };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('layer rules', () => {
  it('fail on an import into a higher layer and on a circle', async () => {
    const cwd = tree({
      'src/cli/output.ts': "export const println = (s: string) => s;\n",
      'src/client/status.ts': "import { println } from '../cli/output.js';\nexport const status = () => println('up');\n",
      'src/facts/types.ts': "import type { A } from './a.js';\nexport type Facts = { a?: A };\n",
      'src/facts/a.ts': "import type { Facts } from './types.js';\nexport type A = { facts?: Facts };\n",
      'src/engine/runner.ts': "export const run = () => 1;\n",
      'checks/x/y.ts': "import { run } from '../../src/engine/runner.js';\nexport default run;\n",
    });
    const r = await cruise(cwd);
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('no-upward-from-io: src/client/status.ts → src/cli/output.ts');
    expect(r.out).toMatch(/no-circular: src\/facts\/(types|a)\.ts/);
    // A check may use the check contract, not the engine's runner.
    expect(r.out).toContain('no-upward-from-checks: checks/x/y.ts → src/engine/runner.ts');
  }, 90_000);

  it('pass a tree whose imports only point down', async () => {
    const cwd = tree({
      'src/cli/main.ts': "import { status } from '../client/status.js';\nexport const main = () => status();\n",
      'src/client/status.ts': "import { redact } from '../config/redact.js';\nexport const status = () => redact('up');\n",
      'src/config/redact.ts': "export const redact = (s: string) => s;\n",
      'src/engine/check.ts': "export const defineCheck = <T>(c: T) => c;\n",
      'checks/x/y.ts': "import { defineCheck } from '../../src/engine/check.js';\nexport default defineCheck({});\n",
    });
    const r = await cruise(cwd);
    expect(r.out).toContain('no dependency violations');
    expect(r.code).toBe(0);
  }, 90_000);
});
