// The logger every subsystem accepts by injection. The gateway passes its JSON-lines logger;
// tests pass a memory log and assert on the upstream wording of each line.
export type LogMeta = Record<string, unknown>;

export interface SubsystemLog {
  info(msg: string, meta?: LogMeta): void;
  warn(msg: string, meta?: LogMeta): void;
  error(msg: string, meta?: LogMeta): void;
}

export const silentLog: SubsystemLog = { info() {}, warn() {}, error() {} };

export interface LogRecord {
  level: 'info' | 'warn' | 'error';
  msg: string;
  meta?: LogMeta;
}

/** A log that keeps its lines in memory (tests, and CLI commands that print what happened). */
export function memoryLog(): SubsystemLog & { records: LogRecord[]; lines(): string[] } {
  const records: LogRecord[] = [];
  const push = (level: LogRecord['level']) => (msg: string, meta?: LogMeta) => void records.push({ level, msg, meta });
  return { records, info: push('info'), warn: push('warn'), error: push('error'), lines: () => records.map((r) => r.msg) };
}

/** A log that writes `level msg {meta}` lines to stderr: what CLI commands use when no gateway logger exists. */
export function stderrLog(): SubsystemLog {
  const write = (level: string) => (msg: string, meta?: LogMeta) =>
    void process.stderr.write(`${level} ${msg}${meta && Object.keys(meta).length ? ` ${JSON.stringify(meta)}` : ''}\n`);
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
