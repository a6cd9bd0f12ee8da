// Exit codes shared by every command (documented in the README).
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

/** An error meant for the user: printed without a stack trace, with its exit code and next step. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.FAILED,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
