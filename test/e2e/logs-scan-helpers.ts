// Running the built CLI for the logs-scan and explain end-to-end tests: bounded by a timeout, with
// every child tracked so teardown can kill what is still running.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const CLI = path.resolve('dist/src/cli/main.js');
const children: ChildProcess[] = [];

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { env: NodeJS.ProcessEnv; input?: string; timeoutMs?: number }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, opts.env, 'pipe');
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timeout: openclaw ${args.join(' ')}`));
    }, opts.timeoutMs ?? 15_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin!.end(opts.input ?? '');
  });
}

export function spawnCli(args: string[], env: NodeJS.ProcessEnv, stdin: 'pipe' | 'ignore'): ChildProcess {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: [stdin, 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

/** Kills every child still running (call in afterEach). */
export function killChildren(): void {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}
