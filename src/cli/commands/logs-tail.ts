// The `logs` command's work: tail a file locally, or page through logs.tail on the gateway.
import fs from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { eprintln, printError } from '../output.js';
import { VERSION } from '../../version.js';
import { readConfigFile } from '../../config/load.js';
import { stateLayout } from '../../config/paths.js';
import { redactText } from '../../config/redact.js';
import { tailFile } from '../../gateway/methods/logs-tail.js';
import { dailyLogPath } from '../../gateway/logger.js';
import { openClient, timeoutOf, type ClientFlags } from '../../client/cli-options.js';
import { printFailure } from '../rpc-command.js';
import { NotRegularFileError } from '../../system/regular-file.js';
import { escapeControl, escapeJsonControl } from '../../system/untrusted-text.js';
import { formatLogEvent, parseLogLine } from '../../client/log-lines.js';
import { t } from '../../i18n/index.js';

export interface LogsFlags extends ClientFlags {
  follow?: boolean;
  limit: string;
  plain?: boolean;
  rpc?: boolean;
  file?: string;
  interval: string;
}

type Page = { lines: string[]; cursor: number; reset?: boolean };

function localLogFile(ctx: CliContext, flags: LogsFlags): string {
  if (flags.file) return flags.file;
  try {
    const r = readConfigFile(ctx.paths.configPath.value);
    const f = r.exists ? (r.resolved.logging as any)?.file : undefined;
    if (typeof f === 'string' && f) return f;
  } catch {
    /* unreadable config: fall back to the default file */
  }
  return dailyLogPath(stateLayout(ctx.paths.stateDir.value).logsDir);
}

function printer(flags: LogsFlags, secrets: string[]) {
  return (line: string) => {
    if (!line) return;
    const e = parseLogLine(line);
    // Log text is a peer's as often as ours: its control characters are shown, never sent to the terminal.
    let out = flags.json
      ? escapeJsonControl(JSON.stringify({ time: e.time, level: e.level, subsystem: e.subsystem, message: e.message }))
      : escapeControl(formatLogEvent(e, Boolean(flags.plain)));
    if (secrets.length) out = redactText(out, secrets);
    process.stdout.write(`${out}\n`);
  };
}

export async function tailLogs(ctx: CliContext, flags: LogsFlags, _cmd: Command): Promise<number> {
  const limit = Math.max(1, Number(flags.limit) || 200);
  const interval = Math.max(50, Number(flags.interval) || 500);
  const useRpc = flags.rpc || Boolean(flags.url);
  let next: (cursor?: number) => Promise<Page | undefined>;
  let close = () => undefined as void;
  const secrets = [flags.token, flags.password].filter((s): s is string => Boolean(s));
  if (useRpc) {
    const opened = await openClient(ctx.paths, flags, VERSION);
    if ('failure' in opened) {
      printFailure(t('cli.logs.tail.cannot-connect', { url: opened.url }), opened.failure);
      return 1;
    }
    const client = opened.client;
    close = () => client.close();
    next = async (cursor) => {
      const r = await client.call<Page>('logs.tail', { cursor, limit, maxBytes: 1_000_000 }, timeoutOf(flags));
      if (!r.ok) {
        printFailure(t('cli.logs.tail.rpc-failed'), r.failure);
        return undefined;
      }
      return r.payload;
    };
  } else {
    const file = localLogFile(ctx, flags);
    if (!fs.existsSync(file) && !flags.follow) {
      eprintln(t('cli.logs.tail.no-log', { file }));
      return 0;
    }
    next = async (cursor) => {
      try {
        return tailFile(file, { cursor, limit, maxBytes: 1_000_000 });
      } catch (err) {
        if (!(err instanceof NotRegularFileError)) throw err;
        printError(t('cli.logs.tail.not-regular', { reason: escapeControl(err.message) }), t('cli.logs.tail.not-regular.hint'));
        return undefined;
      }
    };
  }
  const print = printer(flags, secrets);
  let page = await next();
  if (!page) return 1;
  page.lines.forEach(print);
  if (!flags.follow) {
    close();
    return 0;
  }
  let cursor = page.cursor;
  return await new Promise<number>((resolve) => {
    const stop = () => {
      clearInterval(timer);
      close();
      resolve(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const timer = setInterval(async () => {
      const p = await next(cursor);
      if (!p) return stop();
      p.lines.forEach(print);
      cursor = p.cursor;
    }, interval);
  });
}
