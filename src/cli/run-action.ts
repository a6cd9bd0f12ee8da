// Wraps a command's action: user errors print a clear message and set the exit code; never a stack trace.
import type { Command } from 'commander';
import { UserError } from '../user-error.js';
import { EXIT, EXIT_OF_KIND } from './exit-codes.js';
import { eprintln, printError, printJsonError } from './output.js';
import { t, words } from '../i18n/index.js';

type Action = (...args: any[]) => Promise<number | void> | number | void;

/**
 * Prints a thrown error and returns the exit code. A user error (any layer's, src/user-error.ts) says
 * how it reports itself; anything else is a bug: say so briefly. --json always prints
 * `{ok: false, error: {message, hint?, exitCode, ...}}`.
 */
export function reportError(err: unknown, json: boolean): number {
  let code: number = EXIT.FAILED;
  let message: string;
  let hint: string | undefined;
  let extra: Record<string, unknown> | undefined;
  let human: string | undefined;
  if (err instanceof UserError) {
    const r = err.report();
    code = EXIT_OF_KIND[r.kind];
    message = json || !r.text ? r.message : words(r.text);
    hint = typeof r.hint === 'object' ? words(r.hint) : r.hint;
    extra = r.json;
    human = typeof r.human === 'function' ? r.human(words) : r.human;
  } else {
    const e = err as Error;
    message = t('cli.error.unexpected', { message: e?.message ?? String(err) });
    hint = t('cli.error.unexpected.hint');
    if (process.env.OPENCLAW_DEBUG) eprintln(e?.stack ?? String(err));
  }
  if (json) printJsonError({ message, hint, exitCode: code, ...extra });
  else if (human !== undefined) printError(human);
  else printError(message, hint);
  return code;
}

/** Every command's action, so that every command's errors look alike. */
export function action(fn: Action): (...args: any[]) => Promise<void> {
  return async (...args: any[]) => {
    const cmd = args[args.length - 1] as Command;
    try {
      const code = await fn(...args);
      if (typeof code === 'number') process.exitCode = code;
    } catch (err) {
      const json = Boolean((cmd?.opts?.() as { json?: boolean })?.json);
      process.exitCode = reportError(err, json);
    }
  };
}
