// Where the gateway's logs are when `logs scan` is given no file: our gateway's JSON lines under the
// state dir, upstream's shared /tmp/openclaw log (or `logging.file`), and the service's stdout/stderr.
import fs from 'node:fs';
import path from 'node:path';
import { readConfigFile } from '../config/load.js';
import { pathKind } from '../system/regular-file.js';
import { upstreamLogDir } from './upstream-dir.js';

const DATED_LOG = /^openclaw-\d{4}-\d{2}-\d{2}\.log$/;

export interface SourceOptions {
  stateDir: string;
  configPath: string;
  /** Only files written to since then (ms since the epoch); without it, the latest dated file. */
  since?: number;
  tmpDir?: string;
}

function mtime(file: string): number | undefined {
  try {
    const st = fs.statSync(file);
    return st.isFile() ? st.mtimeMs : undefined;
  } catch {
    return undefined;
  }
}

/** The dated logs of a directory: all written since `since`, else just the newest. */
function datedLogs(dir: string, since?: number): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => DATED_LOG.test(n)).sort();
  } catch {
    return [];
  }
  const files = names.map((n) => path.join(dir, n));
  if (since === undefined) return files.slice(-1);
  // Not a regular file (no mtime here): kept, so defaultLogSources reports it as skipped.
  return files.filter((f) => (mtime(f) ?? since) >= since);
}

/** `logging.file` from the config, if the config reads cleanly (a broken config must not stop a log scan). */
function configuredLogFile(configPath: string): string | undefined {
  try {
    const read = readConfigFile(configPath);
    if (!read.exists) return undefined;
    const file = (read.resolved.logging as { file?: unknown } | undefined)?.file;
    return typeof file === 'string' && file ? file : undefined;
  } catch {
    return undefined;
  }
}

export interface LogSources {
  /** Existing files to scan, in order. */
  files: string[];
  /** Every place looked at, for the "no logs found" message. */
  searched: string[];
  /** Paths that exist but are not regular files (a FIFO would hang the scan): never opened. */
  skipped: { path: string; kind: string }[];
}

export function defaultLogSources(opts: SourceOptions): LogSources {
  const logsDir = path.join(opts.stateDir, 'logs');
  const upstreamDir = opts.tmpDir ? path.join(opts.tmpDir, 'openclaw') : upstreamLogDir();
  const configured = configuredLogFile(opts.configPath);
  const searched = [
    path.join(logsDir, 'openclaw-YYYY-MM-DD.log'),
    configured ?? path.join(upstreamDir, 'openclaw-YYYY-MM-DD.log'),
    path.join(logsDir, 'gateway.log'),
    path.join(logsDir, 'gateway.err.log'),
  ];
  const candidates = [
    ...datedLogs(logsDir, opts.since),
    ...(configured ? [configured] : datedLogs(upstreamDir, opts.since)),
    path.join(logsDir, 'gateway.log'),
    path.join(logsDir, 'gateway.err.log'),
  ];
  const skipped: LogSources['skipped'] = [];
  const files = [...new Set(candidates)].filter((f) => {
    const kind = pathKind(f);
    if (kind !== 'file') {
      if (kind !== 'missing') skipped.push({ path: f, kind });
      return false;
    }
    const m = mtime(f);
    return m !== undefined && (opts.since === undefined || m >= opts.since);
  });
  return { files, searched, skipped };
}
