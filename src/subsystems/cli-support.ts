// What the subsystem command groups share: a SubsystemContext built from the CLI's global flags
// (resolved paths, the resolved config or {} when there is none) and error mapping to exit codes.
import type { Command } from 'commander';
import { readConfigFile } from '../config/load.js';
import { contextFor } from '../cli/context.js';
import { CliError, EXIT } from '../cli/exit-codes.js';
import { action } from '../cli/run-action.js';
import { RpcError, type SubsystemContext } from './context.js';
import { DurationError } from './duration.js';
import { StateFileError } from './json-file.js';
import { silentLog, stderrLog } from './log.js';

export interface SubsystemCli extends SubsystemContext {
  configPath: string;
  configExists: boolean;
  showSecrets: boolean;
}

export function subsystemContextFor(cmd: Command): SubsystemCli {
  const ctx = contextFor(cmd);
  const r = readConfigFile(ctx.paths.configPath.value);
  return {
    stateDir: ctx.paths.stateDir.value,
    config: r.exists ? r.resolved : {},
    configPath: ctx.paths.configPath.value,
    configExists: r.exists,
    showSecrets: Boolean(ctx.global.showSecrets),
    // Commands print their own results; the subsystem log lines only matter when debugging.
    log: process.env.OPENCLAW_DEBUG ? stderrLog() : silentLog,
  };
}

/** Maps subsystem errors to user errors: NOT_FOUND/INVALID_REQUEST are usage-level, a damaged state file fails. */
export function toCliError(err: unknown): unknown {
  if (err instanceof RpcError) {
    const code = err.code === 'INVALID_REQUEST' ? EXIT.USAGE : EXIT.FAILED;
    return new CliError(err.message, code);
  }
  if (err instanceof StateFileError) return new CliError(err.message, EXIT.FAILED, 'Move the damaged file aside (keep a copy) and retry; the toolkit never overwrites it.');
  if (err instanceof DurationError) return new CliError(err.message, EXIT.USAGE);
  return err;
}

type Fn = (...args: any[]) => Promise<number | void> | number | void;

export function subsystemAction(fn: Fn) {
  return action(async (...args: any[]) => {
    try {
      return await fn(...args);
    } catch (err) {
      throw toCliError(err);
    }
  });
}

export function fmtTime(ms: number | null | undefined): string {
  return ms ? new Date(ms).toISOString() : '-';
}
