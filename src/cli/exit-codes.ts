// Exit codes shared by every command (documented in the README).
import { UserError, type UserErrorKind, type UserErrorReport } from '../user-error.js';

export const EXIT = {
  /** Success: the operation worked, the check found nothing blocking. */
  OK: 0,
  /** The check or operation failed (invalid config, findings, unreachable gateway, refused write). */
  FAILED: 1,
  /** Usage error: unknown flag or command, missing or malformed argument. */
  USAGE: 2,
  /** Configuration error that blocks a start (EX_CONFIG, as the gateway's start guards). */
  CONFIG: 78,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit code of each kind of user error. */
export const EXIT_OF_KIND: Record<UserErrorKind, ExitCode> = { usage: EXIT.USAGE, config: EXIT.CONFIG, failed: EXIT.FAILED };

/** A command's own user error, with its exit code and next step. */
export class CliError extends UserError {
  constructor(
    message: string,
    readonly exitCode: Exclude<ExitCode, typeof EXIT.OK> = EXIT.FAILED,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }

  override report(): UserErrorReport {
    const kind = (Object.keys(EXIT_OF_KIND) as UserErrorKind[]).find((k) => EXIT_OF_KIND[k] === this.exitCode) ?? 'failed';
    return { kind, message: this.message, hint: this.hint };
  }
}
