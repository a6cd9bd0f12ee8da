// The gateway's log: JSON lines in upstream's format (reference §1) under <stateDir>/logs/, plus a
// console line (coloured only on a TTY). Every message is scrubbed of the configured secrets and has
// its control characters escaped (one record is one line; no peer text reaches a terminal raw). Values
// a peer chose go in through quotePeer (src/system/untrusted-text.ts) at each log call.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { redactText } from '../config/redact.js';
import { escapeControl } from '../system/untrusted-text.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVEL_ID: Record<LogLevel, number> = { debug: 2, info: 3, warn: 4, error: 5 };
const COLOR: Record<LogLevel, string> = { debug: '\x1b[90m', info: '\x1b[36m', warn: '\x1b[33m', error: '\x1b[31m' };

export function dailyLogPath(logsDir: string, date = new Date()): string {
  const d = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return path.join(logsDir, `openclaw-${d}.log`);
}

export interface LoggerOptions {
  /** A fixed file (logging.file), else a daily file under logsDir. */
  file?: string;
  logsDir: string;
  verbose?: boolean;
  console?: boolean;
}

export class GatewayLogger {
  private secrets: string[] = [];
  private fd: number | undefined;
  private fdPath: string | undefined;
  private readonly host = os.hostname();
  private readonly color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

  constructor(private readonly opts: LoggerOptions) {}

  /** Values that must never appear in a log line (gateway token, password). */
  setSecrets(values: Array<string | undefined>): void {
    this.secrets = values.filter((v): v is string => typeof v === 'string' && v.length >= 4);
  }

  get file(): string {
    return this.opts.file ?? dailyLogPath(this.opts.logsDir);
  }

  child(subsystem: string): SubsystemLogger {
    return new SubsystemLogger(this, subsystem);
  }

  write(level: LogLevel, subsystem: string, message: string, fields?: Record<string, unknown>, toConsole = true): void {
    const text = escapeControl(redactText(message, this.secrets));
    const now = new Date();
    const name = JSON.stringify({ subsystem });
    const record: Record<string, unknown> = { '0': name };
    if (fields && Object.keys(fields).length) {
      record['1'] = JSON.parse(redactText(JSON.stringify(fields), this.secrets));
      record['2'] = text;
    } else record['1'] = text;
    record._meta = {
      runtime: 'node',
      runtimeVersion: process.versions.node,
      hostname: this.host,
      name,
      parentNames: ['openclaw'],
      date: now.toISOString(),
      logLevelId: LEVEL_ID[level],
      logLevelName: level.toUpperCase(),
    };
    record.time = now.toISOString();
    this.append(`${JSON.stringify(record)}\n`);
    if (toConsole && this.opts.console !== false && (level !== 'debug' || this.opts.verbose)) {
      const stamp = now.toISOString();
      const line = `${stamp} [${subsystem}] ${text}`;
      const out = level === 'error' || level === 'warn' ? process.stderr : process.stdout;
      out.write(this.color ? `${COLOR[level]}${line}\x1b[0m\n` : `${line}\n`);
    }
  }

  private append(line: string): void {
    const file = this.file;
    try {
      if (this.fdPath !== file) {
        if (this.fd !== undefined) fs.closeSync(this.fd);
        fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
        this.fd = fs.openSync(file, 'a', 0o600);
        this.fdPath = file;
      }
      fs.writeSync(this.fd!, line);
    } catch {
      // A log that cannot be written must not take the gateway down; the console still has it.
    }
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
    this.fdPath = undefined;
  }
}

export class SubsystemLogger {
  constructor(
    private readonly root: GatewayLogger,
    readonly subsystem: string,
  ) {}
  debug(msg: string, fields?: Record<string, unknown>): void {
    this.root.write('debug', this.subsystem, msg, fields);
  }
  info(msg: string, fields?: Record<string, unknown>): void {
    this.root.write('info', this.subsystem, msg, fields);
  }
  warn(msg: string, fields?: Record<string, unknown>): void {
    this.root.write('warn', this.subsystem, msg, fields);
  }
  error(msg: string, fields?: Record<string, unknown>): void {
    this.root.write('error', this.subsystem, msg, fields);
  }
  /** For failures the CLI prints itself: the log file gets the line, the console does not twice. */
  fileOnly(level: LogLevel, msg: string): void {
    this.root.write(level, this.subsystem, msg, undefined, false);
  }
}
