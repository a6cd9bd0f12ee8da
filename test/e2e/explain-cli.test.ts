// `openclaw explain` with a pasted line: arguments, stdin, --json, and bad input.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = path.resolve('dist/src/cli/main.js');
const env = { PATH: process.env.PATH, NO_COLOR: '1', HOME: '/nonexistent' };

function explain(args: string[], input = '') {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'explain', ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('timeout'));
    }, 15_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

describe('openclaw explain', () => {
  it('explains words given as arguments, with the fix', async () => {
    const r = await explain(['disconnected', '(4008):', 'connect', 'failed', '—', 'device', 'token', 'mismatch']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error device-token-stale (once)');
    expect(r.stdout).toContain('openclaw devices list');
  });

  it('reads a pasted JSON error from stdin and prints the issue JSON shape', async () => {
    const pasted = '{"type":"res","id":"1","ok":false,"error":{"code":"NOT_PAIRED","message":"pairing required","details":{"code":"PAIRING_REQUIRED","requestId":"req-7f3a"}}}\n';
    const r = await explain(['--json'], pasted);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.causes[0]).toMatchObject({ cause: 'pairing-required', severity: 'warning', count: 1, firstLine: 1 });
    expect(out.matches[0].evidence).toEqual({ requestId: 'req-7f3a' });
  });

  it('says so when nothing is known, showing the masked template', async () => {
    const r = await explain(['ERROR frobnicator 42 exploded']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No known failure signature');
    expect(r.stdout).toContain('frobnicator <num> exploded');
  });

  it('empty input is a usage error without a stack trace', async () => {
    const r = await explain([], '   \n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing to explain');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
