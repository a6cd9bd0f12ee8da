// SIGKILL a process in the middle of rewriting the config, hundreds of times: the config must always
// parse and hold one complete generation, never going backwards, and the backup ring must stay ordered.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupPaths } from '../../src/config/write.js';
import { repoRoot, tempDir } from '../helpers/cli.js';

const KILLS = 200;
const dir = tempDir('oc-crash-');
const file = path.join(dir, 'openclaw.json');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function generationOf(p: string): number {
  const value = JSON.parse(fs.readFileSync(p, 'utf8'));
  const gen = value.meta.generation;
  // Every channel carries the same generation: a torn write would mix them.
  for (const c of Object.values(value.channels) as { gen: number }[]) expect(c.gen).toBe(gen);
  return gen;
}

function runAndKill(delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'test/helpers/rewrite-loop.mjs'), path.join(repoRoot, 'dist'), file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('child never became ready'));
    }, 10_000);
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.once('exit', (_code, signal) => {
      clearTimeout(guard);
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`child exited on its own (${signal ?? _code})`));
    });
  });
}

describe('config writes survive SIGKILL', () => {
  it(`${KILLS} kills at random moments never leave a torn or older config`, async () => {
    let last = 0;
    for (let i = 0; i < KILLS; i++) {
      await runAndKill(Math.floor(Math.random() * 15));
      const gen = generationOf(file);
      expect(gen).toBeGreaterThanOrEqual(last);
      last = gen;
      // A killed writer may leave its temp file; the next writer sweeps it, so they never pile up.
      expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')).length).toBeLessThanOrEqual(1);
      const ring = backupPaths(file).filter((p) => fs.existsSync(p)).map(generationOf);
      // A kill between the backup copy and the write can repeat a generation, never reorder them.
      for (let j = 1; j < ring.length; j++) expect(ring[j]).toBeLessThanOrEqual(ring[j - 1]);
      if (ring.length) expect(ring[0]).toBeLessThanOrEqual(gen);
    }
    expect(last).toBeGreaterThan(KILLS);
    expect(backupPaths(file).every((p) => fs.existsSync(p))).toBe(true);
  }, 180_000);
});
