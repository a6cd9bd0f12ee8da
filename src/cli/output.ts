// Printing results: JSON for machines, short lines for people. Secrets are redacted by the caller's data.
import { escapeJsonControl } from '../system/untrusted-text.js';
import { chalk } from '../color.js';
import { t } from '../i18n/index.js';

/** JSON for machines; control characters JSON.stringify leaves raw (C1, DEL) are escaped too. */
export function printJson(value: unknown): void {
  process.stdout.write(`${escapeJsonControl(JSON.stringify(value, null, 2))}\n`);
}

/** One compact JSON document per line (streams, --follow), escaped like printJson. */
export function printJsonLine(value: unknown): void {
  process.stdout.write(`${escapeJsonControl(JSON.stringify(value))}\n`);
}

export function println(text = ''): void {
  process.stdout.write(`${text}\n`);
}

export function eprintln(text = ''): void {
  process.stderr.write(`${text}\n`);
}

/**
 * The one style of a human error, in every command: `error: <what>`, then the next step indented
 * under it.
 */
export function printError(what: string, next?: string): void {
  eprintln(chalk.red(t('cli.error.prefix', { message: what })));
  if (next) eprintln(`  ${next}`);
}

/** What every --json error says, whatever else it carries. */
export interface JsonError {
  message: string;
  hint?: string;
  exitCode: number;
  [field: string]: unknown;
}

/**
 * The one shape of a --json error, in every command: `{ok: false, error: {message, hint?, exitCode, …}}`;
 * `about` names what failed beside it (the gateway's url, the method).
 */
export function printJsonError(error: JsonError, about: Record<string, unknown> = {}): void {
  printJson({ ok: false, ...about, error });
}
