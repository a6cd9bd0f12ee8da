// Wraps a command's action: user errors print a clear message and set the exit code; never a stack trace.
import type { Command } from 'commander';
import { ConfigError } from '../config/errors.js';
import { PathSyntaxError } from '../config/dotpath.js';
// The light homes of these classes (write.ts and gateway-settings.ts load zod).
import { ConfigBusyError, ConfigWriteRejectedError } from '../config/write-errors.js';
import { SettingError } from '../config/setting-error.js';
import { GatewayControlError } from '../client/gateway-control-error.js';
import { chalk } from '../color.js';
import { CliError, EXIT } from './exit-codes.js';
import { eprintln, printError, printJson } from './output.js';
import { t } from '../i18n/index.js';

type Action = (...args: any[]) => Promise<number | void> | number | void;

/** Maps a thrown error to what the user sees and the exit code. Unknown errors are bugs: say so briefly. */
export function reportError(err: unknown, json: boolean): number {
  let code: number = EXIT.FAILED;
  let message: string;
  let hint: string | undefined;
  let extra: Record<string, unknown> = {};
  if (err instanceof ConfigError) {
    code = EXIT.CONFIG;
    message = `${err.location}: ${err.message}`;
    hint = err.hint;
    extra = { config: err.toJSON() };
    if (!json) {
      eprintln(chalk.red(t('cli.error.prefix', { message: err.format() })));
      return code;
    }
  } else if (err instanceof ConfigWriteRejectedError) {
    message = err.message;
    extra = { issues: err.issues, rejectedPath: err.rejectedPath };
  } else if (err instanceof ConfigBusyError) {
    message = err.message;
    extra = { lockPath: err.lockPath, ownerPid: err.ownerPid };
  } else if (err instanceof PathSyntaxError || err instanceof SettingError) {
    code = EXIT.USAGE;
    message = err.message;
  } else if (err instanceof GatewayControlError) {
    message = err.message;
    hint = err.hint;
  } else if (err instanceof CliError) {
    code = err.exitCode;
    message = err.message;
    hint = err.hint;
  } else {
    const e = err as Error;
    message = t('cli.error.unexpected', { message: e?.message ?? String(err) });
    hint = t('cli.error.unexpected.hint');
    if (process.env.OPENCLAW_DEBUG) eprintln(e?.stack ?? String(err));
  }
  if (json) printJson({ ok: false, error: { message, hint, exitCode: code, ...extra } });
  else printError(message, hint);
  return code;
}

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
