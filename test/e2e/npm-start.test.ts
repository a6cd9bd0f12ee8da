// The README promises `npm ci && npm start`: the start script must exist and succeed on a scratch state dir.
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanEnv, repoRoot, tempDir } from '../helpers/cli.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('is defined and exits 0 on a scratch state dir, leaving a valid config there', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toBeTruthy();
    dir = tempDir('oc-start-');
    const r = await execa('npm', ['start', '--silent'], {
      cwd: repoRoot,
      env: cleanEnv({ OPENCLAW_STATE_DIR: dir, HOME: dir, CI: 'true' }),
      extendEnv: false,
      reject: false,
      timeout: 120_000,
    });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, 'openclaw.json'))).toBe(true);
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'openclaw.json'), 'utf8'));
    expect(config.gateway.mode).toBe('local');
  }, 150_000);
});
