// Runs the built CLI (dist/) as a user would, with a bounded wait.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/src/cli/main.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json<T = any>(): T;
}

export function runCli(args: string[], env: NodeJS.ProcessEnv, opts: { nodeArgs?: string[]; timeoutMs?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), CLI, ...args], { env, encoding: 'utf8', timeout: opts.timeoutMs ?? 20_000 });
  if (r.error) throw r.error;
  return {
    code: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    json: () => JSON.parse(r.stdout),
  };
}
