// How an error meant for the user reports itself. Every layer's user errors extend UserError, so the
// CLI's one error reporter (src/cli/run-action.ts) needs no list of error classes: it loads this
// module only, never the modules that throw them (the RPC registry, the state files, the config
// writer), on every command's start. No runtime imports, so any layer may extend it.
import type { MessageRef } from './i18n/index.js';

/** What went wrong, which picks the exit code (src/cli/exit-codes.ts): a usage error, a config that blocks a start, a failure. */
export type UserErrorKind = 'usage' | 'config' | 'failed';

export interface UserErrorReport {
  kind: UserErrorKind;
  /** What went wrong, in one line: the JSON `message`, and the terminal's `error:` line. */
  message: string;
  /** The same as a catalog message, for the terminal in the reader's language (`message` stays English for --json). */
  text?: MessageRef;
  /** The next step: text in the active locale, or a catalog message shown in it. */
  hint?: string | MessageRef;
  /** Fields the JSON `error` object carries beside message, hint and exitCode. */
  json?: Record<string, unknown>;
  /**
   * The terminal's text instead of message and hint, when it shows more (a config error's excerpt);
   * given `say`, it words its catalog messages in the reader's language.
   */
  human?: string | ((say: (m: MessageRef) => string) => string);
}

/** An error meant for the user: printed without a stack trace, as its report() says. */
export class UserError extends Error {
  /** A failure (exit 1) saying its message; subclasses say more. */
  report(): UserErrorReport {
    return { kind: 'failed', message: this.message };
  }
}
