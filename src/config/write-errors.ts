// The error a refused config write throws. Kept apart from write.ts (which loads the zod schema)
// so that code which only tests for it, like the CLI's error reporter, starts fast.
import type { ValidationIssue } from './schema.js';
import { UserError, type UserErrorReport } from '../user-error.js';

export class ConfigWriteRejectedError extends UserError {
  constructor(
    readonly file: string,
    readonly issues: ValidationIssue[],
    readonly rejectedPath: string,
  ) {
    super(
      `refused to write ${file}: the result would not be valid\n` +
        issues.map((i) => `  ${i.path}: ${i.message}`).join('\n') +
        `\n  The rejected content was saved as ${rejectedPath}; the config was not changed.`,
    );
    this.name = 'ConfigWriteRejectedError';
  }

  override report(): UserErrorReport {
    return { kind: 'failed', message: this.message, json: { issues: this.issues, rejectedPath: this.rejectedPath } };
  }
}

/** Another process holds the config's write lock past the wait, or the lock path is not a lock file. */
export class ConfigBusyError extends UserError {
  constructor(
    readonly lockPath: string,
    readonly ownerPid?: number,
    message?: string,
  ) {
    super(
      message ??
        `the config is being written by ${ownerPid ? `pid ${ownerPid}` : 'another process'} (lock ${lockPath}); try again when it has finished` +
          // A pid can be reused after a crash: never suggest stopping a process that may not be ours.
          (ownerPid ? `; if pid ${ownerPid} is not an openclaw command, remove ${lockPath}` : ''),
    );
    this.name = 'ConfigBusyError';
  }

  override report(): UserErrorReport {
    return { kind: 'failed', message: this.message, json: { lockPath: this.lockPath, ownerPid: this.ownerPid } };
  }
}
