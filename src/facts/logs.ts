// Recent log lines: ours (<stateDir>/logs/openclaw-*.log, gateway.log, gateway.err.log) and
// upstream's shared /tmp/openclaw/openclaw-*.log. Each line is upstream's JSON-lines format or
// plain text; secrets known from the config are scrubbed before any check sees them.
import fs from 'node:fs';
import path from 'node:path';
import { redactText } from '../config/redact.js';
import { instanceMarks, otherInstance, type InstanceIdentity } from '../logs/attribution.js';
import { NotRegularFileError, openRegularSync, pathKind } from '../system/regular-file.js';
import type { MessageRef } from '../i18n/index.js';

export interface LogLine {
  file: string;
  /** 1-based line number when the whole file was read, else undefined (a tail). */
  line?: number;
  level?: string;
  time?: string;
  subsystem?: string;
  /** `_meta.hostname` of upstream's JSON lines. */
  hostname?: string;
  text: string;
  /** Set when the line was written by another OpenClaw instance (src/logs/attribution.ts): which one. */
  otherInstance?: string;
}

/** A log line the signature catalog recognised (see log-signatures.ts). */
export interface SignatureMatch {
  signatureId: string;
  cause?: string;
  severity: 'info' | 'warning' | 'error';
  /** The cause's title (signatures/causes.yaml), and its explanation: one text per cause. */
  title: string;
  explanation: string;
  /** The signature's one-line detail, when it narrows the cause. */
  detail?: string;
  /** The same as a catalog message, for the reader's language (absent in facts recorded before it). */
  detailRef?: MessageRef;
  line: LogLine;
  /** The cause's fix commands. */
  commands?: string[];
  /** The doctor check that can confirm and repair it. */
  check?: string;
  /** ISO time the line was written: its own stamp, else its file's last write (then `atUpperBound`). */
  at?: string;
  atUpperBound?: boolean;
}

/** A path where a log was expected that is not a regular file (a FIFO, a device): never opened. */
export interface SkippedLog {
  path: string;
  kind: string;
}

export interface LogsFact {
  /** mtimeMs: when the file was last written (absent for recorded facts), an upper bound for undated lines. */
  files: { path: string; size: number; tail: boolean; mtimeMs?: number }[];
  lines: LogLine[];
  /** Absent in facts recorded before it existed. */
  skipped?: SkippedLog[];
  /** Lines before `window.since` are history (src/facts/log-window.ts). Absent in older recorded facts. */
  window?: import('./log-window.js').LogWindow;
}

const TAIL_BYTES = 256 * 1024;
const MAX_LINES_PER_FILE = 500;

function newestLogs(dir: string, count: number): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((n) => /^openclaw-.*\.log$/.test(n))
      .sort()
      .slice(-count)
      .map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}

/** One line of upstream's JSON log (`{"0": msg, "1": …, _meta:{logLevelName,date,name}, time}`) or plain text. */
export function parseLogLine(file: string, raw: string, line?: number): LogLine {
  if (raw.startsWith('{')) {
    try {
      const o = JSON.parse(raw);
      if (o && typeof o === 'object') {
        const parts: string[] = [];
        for (let i = 0; String(i) in o; i++) parts.push(typeof o[i] === 'string' ? o[i] : JSON.stringify(o[i]));
        const meta = o._meta ?? {};
        let subsystem: string | undefined;
        try {
          const n = typeof meta.name === 'string' ? JSON.parse(meta.name) : undefined;
          subsystem = n?.subsystem ?? n?.module;
        } catch {
          subsystem = typeof meta.name === 'string' ? meta.name : undefined;
        }
        return {
          file,
          line,
          level: meta.logLevelName ?? o.level,
          time: o.time ?? meta.date,
          subsystem,
          hostname: typeof meta.hostname === 'string' ? meta.hostname : undefined,
          text: parts.length ? parts.join(' ') : String(o.msg ?? o.message ?? raw),
        };
      }
    } catch {
      /* plain text that starts with a brace */
    }
  }
  return { file, line, text: raw };
}

type Tail = { lines: LogLine[]; size: number; tail: boolean; mtimeMs: number };

function readTail(file: string, secrets: Set<string>): Tail | SkippedLog | undefined {
  // A FIFO in logs/ would block the doctor on open: look first, and open without blocking.
  const kind = pathKind(file);
  if (kind === 'missing') return undefined;
  if (kind !== 'file') return { path: file, kind };
  let fd: number;
  try {
    fd = openRegularSync(file);
  } catch (err) {
    return err instanceof NotRegularFileError ? { path: file, kind: err.kind } : undefined;
  }
  try {
    const { size, mtimeMs } = fs.fstatSync(fd);
    const start = Math.max(0, size - TAIL_BYTES);
    const buf = Buffer.alloc(size - start);
    fs.readSync(fd, buf, 0, buf.length, start);
    let rows = buf.toString('utf8').split(/\r?\n/);
    if (start > 0) rows = rows.slice(1); // the first row is cut in the middle
    if (rows.at(-1) === '') rows.pop();
    const offset = rows.length > MAX_LINES_PER_FILE ? rows.length - MAX_LINES_PER_FILE : 0;
    const lines = rows.slice(offset).map((r, i) => parseLogLine(file, redactText(r, secrets), start === 0 ? offset + i + 1 : undefined));
    return { lines, size, tail: start > 0 || offset > 0, mtimeMs };
  } finally {
    fs.closeSync(fd);
  }
}

export interface LogSources {
  stateDir: string;
  /** upstream's shared log directory; undefined to skip it. */
  upstreamDir?: string;
  /** `logging.file` from the config. */
  configuredFile?: string;
  /** This install, to tell its lines in the shared upstream log from other instances'. */
  identity?: InstanceIdentity;
  /** Recorded facts: file times mean nothing. */
  recorded?: boolean;
}

export function logFiles(src: LogSources): string[] {
  const ours = path.join(src.stateDir, 'logs');
  const files = [...newestLogs(ours, 2), path.join(ours, 'gateway.log'), path.join(ours, 'gateway.err.log')];
  if (src.configuredFile) files.push(src.configuredFile);
  if (src.upstreamDir) files.push(...newestLogs(src.upstreamDir, 1));
  return [...new Set(files)];
}

export function collectLogs(src: LogSources, secrets: Set<string>): LogsFact {
  const fact: LogsFact = { files: [], lines: [], skipped: [] };
  const shared = src.upstreamDir ? path.resolve(src.upstreamDir) : undefined;
  for (const f of logFiles(src)) {
    const t = readTail(f, secrets);
    if (!t) continue;
    if ('kind' in t) {
      fact.skipped!.push(t);
      continue;
    }
    fact.files.push({ path: f, size: t.size, tail: t.tail, ...(src.recorded ? {} : { mtimeMs: t.mtimeMs }) });
    // Only the shared directory mixes instances: our state dir and logging.file are this install's.
    if (shared && src.identity && path.dirname(path.resolve(f)) === shared && f !== src.configuredFile) {
      for (const l of t.lines) {
        const other = otherInstance(instanceMarks(l.text, l.hostname), src.identity);
        if (other) l.otherInstance = other;
      }
    }
    fact.lines.push(...t.lines);
  }
  return fact;
}
