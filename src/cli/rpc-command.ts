// Runs one RPC for a CLI command: connect, call, print (JSON or human), exit 0/1.
import type { Command } from 'commander';
import { contextFor } from './context.js';
import { EXIT } from './exit-codes.js';
import { eprintln, printError, printJson, printJsonError, println as printLine } from './output.js';
import { VERSION } from '../version.js';
import { escapeControl } from '../system/untrusted-text.js';
import { failureText, openClient, sharedAuthWarning, timeoutOf, type ClientFlags } from '../client/cli-options.js';
import { t } from '../i18n/index.js';

export async function runRpc(cmd: Command, method: string, params: unknown, render: (payload: any) => void): Promise<number> {
  return runRpcs(cmd, [[method, params]], (all) => render(all[method]), true);
}

/** Several RPCs on one connection; JSON prints {method: payload} (or the payload alone when single). */
export async function runRpcs(cmd: Command, calls: Array<[string, unknown]>, render: (payloads: Record<string, any>) => void, single = false): Promise<number> {
  const flags = cmd.opts() as ClientFlags;
  const ctx = contextFor(cmd);
  const opened = await openClient(ctx.paths, flags, VERSION);
  if ('failure' in opened) {
    if (flags.json) printJsonFailure(opened.failure, { url: opened.url });
    else printFailure(t('cli.rpc.cannot-connect', { url: opened.url }), opened.failure);
    return EXIT.FAILED;
  }
  // Like `gateway probe`: a refused token that this device's own token papered over is still wrong.
  if (opened.sharedAuthRejected) eprintln(escapeControl(t('cli.rpc.warning', { warning: sharedAuthWarning(opened.sharedAuthRejected) })));
  try {
    const payloads: Record<string, any> = {};
    for (const [method, params] of calls) {
      const r = await opened.client.call(method, params, timeoutOf(flags));
      if (!r.ok) {
        if (flags.json) printJsonFailure(r.failure, { url: opened.url, method });
        else printFailure(t('cli.rpc.failed', { method }), r.failure);
        return EXIT.FAILED;
      }
      payloads[method] = r.payload;
    }
    if (flags.json) printJson(single ? payloads[calls[0][0]] : payloads);
    else render(payloads);
    return 0;
  } finally {
    opened.client.close();
  }
}

/** A client failure in the one error style; the peer's words escaped. */
export function printFailure(doing: string, failure: Parameters<typeof failureText>[0]): void {
  const text = failureText(failure);
  printError(escapeControl(`${doing}: ${text.what}`), text.next && escapeControl(text.next));
}

/** The same failure as --json: the client's own fields (kind, code…) with the next step and exit code. */
function printJsonFailure(failure: Parameters<typeof failureText>[0], about: Record<string, unknown>): void {
  printJsonError({ ...failure, hint: failureText(failure).next, exitCode: EXIT.FAILED }, about);
}

/** For renderers of RPC results: names, platforms and errors there are the peers' words, shown escaped. */
export function println(text = ''): void {
  printLine(escapeControl(text));
}
