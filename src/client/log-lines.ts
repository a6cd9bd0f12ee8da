// Reading gateway log lines: upstream JSON lines ("0","1",… + _meta) or plain text, into one shape.
export interface LogEvent {
  time?: string;
  level?: string;
  subsystem?: string;
  message: string;
  raw: string;
}

export function parseLogLine(line: string): LogEvent {
  if (!line.startsWith('{')) return { message: line, raw: line };
  try {
    const o = JSON.parse(line) as Record<string, any>;
    const meta = o._meta ?? {};
    let subsystem: string | undefined;
    try {
      subsystem = JSON.parse(meta.name ?? '{}').subsystem;
    } catch {
      subsystem = typeof meta.name === 'string' ? meta.name : undefined;
    }
    const parts: string[] = [];
    for (let i = 0; String(i) in o; i++) {
      const v = o[String(i)];
      if (i === 0 && typeof v === 'string' && v.startsWith('{"subsystem"')) continue;
      parts.push(typeof v === 'string' ? v : JSON.stringify(v));
    }
    return { time: o.time ?? meta.date, level: String(meta.logLevelName ?? 'INFO').toLowerCase(), subsystem, message: parts.join(' '), raw: line };
  } catch {
    return { message: line, raw: line };
  }
}

export function formatLogEvent(e: LogEvent, plain: boolean): string {
  if (plain || !e.time) return plain ? e.message : e.raw;
  return `${e.time} ${(e.level ?? 'info').padEnd(5)} ${e.subsystem ?? '-'} ${e.message}`;
}
