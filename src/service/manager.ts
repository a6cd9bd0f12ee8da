// What every service manager driver offers (systemctl --user, launchctl, schtasks), and the words
// shared by all of them: availability with the exact check that failed, command results, runtime state.
import fs from 'node:fs';
import path from 'node:path';
import type { MessageRef } from '../i18n/index.js';
import type { ServiceKind } from './definition.js';

export interface ProbeStep {
  /** A short id of what was checked, e.g. `systemctl-binary`, `booted-with-systemd`, `user-bus`. */
  check: string;
  ok: boolean;
  detail: string;
}

export type Availability =
  | { ok: true; steps: ProbeStep[] }
  | {
      ok: false;
      /** The first check that failed: which one matters, because each has a different fix. */
      failed: string;
      /** One line: `systemd user services unavailable: …`. */
      reason: string;
      /** What to do instead or how to make it work. */
      alternatives: string[];
      steps: ProbeStep[];
      /** `reason` and `alternatives` as catalog messages, for the reader's language (absent in facts recorded before them). */
      reasonRef?: MessageRef;
      alternativeRefs?: MessageRef[];
    };

export interface CommandResult {
  command: string;
  ok: boolean;
  exitCode?: number;
  stdout: string;
  stderr: string;
  timedOut?: boolean;
  /** A step whose failure is expected and harmless (unloading what was not loaded). */
  optional?: boolean;
}

export interface RuntimeState {
  /** active | inactive | failed | activating | running | stopped | unknown … as the manager says it. */
  state: string;
  pid?: number;
  /** How often the manager has restarted it (systemd NRestarts). */
  restarts?: number;
  lastExitStatus?: number;
  detail?: string;
}

export interface ServiceManager {
  kind: ServiceKind;
  available(): Promise<Availability>;
  /** After the definition is written: load, enable and (re)start it. */
  activate(name: string, file: string): Promise<CommandResult[]>;
  /** Before the definition is removed: stop and disable it. */
  deactivate(name: string, file: string): Promise<CommandResult[]>;
  start(name: string, file: string): Promise<CommandResult[]>;
  stop(name: string, file: string): Promise<CommandResult[]>;
  restart(name: string, file: string): Promise<CommandResult[]>;
  runtime(name: string, file: string): Promise<RuntimeState | undefined>;
}

export const COMMAND_TIMEOUT_MS = 5000;

/** Runs a service-manager command with a timeout; never throws. */
export async function runCommand(file: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = COMMAND_TIMEOUT_MS): Promise<CommandResult> {
  const command = [file, ...args].join(' ');
  // Loaded on first use: reading definitions (doctor, status) must not pay for the process library.
  const { execa } = await import('execa');
  const r = await execa(file, args, { env, extendEnv: false, reject: false, timeout: timeoutMs, stdin: 'ignore' });
  const spawnError = r.failed && r.exitCode === undefined ? (r.shortMessage ?? '') : '';
  const stderr = r.timedOut ? `did not answer within ${timeoutMs} ms` : String(r.stderr || spawnError).trim();
  return { command, ok: !r.failed && r.exitCode === 0, exitCode: r.exitCode, stdout: String(r.stdout ?? '').trim(), stderr, timedOut: r.timedOut };
}

/** The absolute path of a program on PATH, or undefined. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        /* not here */
      }
    }
  }
  return undefined;
}

type Step = () => Promise<CommandResult>;

/** Runs commands in order and stops at the first failure that is not optional. */
export async function runSteps(steps: Step[]): Promise<CommandResult[]> {
  const out: CommandResult[] = [];
  for (const step of steps) {
    const r = await step();
    out.push(r);
    if (!r.ok && !r.optional) break;
  }
  return out;
}

export function optional(step: Step): Step {
  return async () => ({ ...(await step()), optional: true });
}

export function stepsSucceeded(results: CommandResult[]): boolean {
  return results.every((r) => r.ok || r.optional);
}

export function gatewayCommand(port: number | undefined): string {
  return `openclaw gateway${port ? ` --port ${port}` : ''}`;
}

/** Ways to keep a gateway running without a service manager. */
export function supervisorAlternatives(port?: number): string[] {
  const cmd = gatewayCommand(port);
  return [
    `Run it in the foreground under a supervisor that restarts it: \`${cmd}\` from supervisord, runit, s6 or a tmux session.`,
    `In Docker, make it the container's command and let Docker restart it: \`docker run --restart unless-stopped … ${cmd}\` (or \`restart: unless-stopped\` in compose).`,
  ];
}

/** supervisorAlternatives as catalog messages, in the same order. */
export function supervisorAlternativeRefs(port?: number): MessageRef[] {
  const cmd = gatewayCommand(port);
  return [{ id: 'service.alternative.supervisor', params: { cmd } }, { id: 'service.alternative.docker', params: { cmd } }];
}

/** Availability of a manager that needs only its binary (launchctl, schtasks). */
export function binaryAvailability(binary: string, what: string, env: NodeJS.ProcessEnv, port?: number): Availability {
  const found = findOnPath(binary, env);
  const steps = [{ check: `${binary}-binary`, ok: Boolean(found), detail: found ?? `no ${binary} on PATH` }];
  if (found) return { ok: true, steps };
  return {
    ok: false,
    failed: `${binary}-binary`,
    reason: `${what} unavailable: no \`${binary}\` binary on PATH`,
    alternatives: supervisorAlternatives(port),
    steps,
    reasonRef: { id: 'service.unavailable.binary', params: { manager: what, binary } },
    alternativeRefs: supervisorAlternativeRefs(port),
  };
}
