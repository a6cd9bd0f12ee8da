// Runs the built CLI (dist/) as a user would, with a controlled environment.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cliPath = path.join(repoRoot, 'dist/src/cli/main.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** An environment without the caller's OpenClaw variables, so tests never touch a real install. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('OPENCLAW_') || k === 'NO_COLOR' || k === 'FORCE_COLOR') delete env[k];
  return { ...env, ...extra };
}

export async function runCli(args: string[], opts: { env?: Record<string, string | undefined>; input?: string; timeoutMs?: number } = {}): Promise<CliRun> {
  const r = await execa(process.execPath, [cliPath, ...args], {
    env: opts.env ?? cleanEnv(),
    extendEnv: false,
    input: opts.input,
    reject: false,
    timeout: opts.timeoutMs ?? 15_000,
  });
  return { code: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'oc-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
