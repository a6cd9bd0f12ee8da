// One raw log line → the message a person would read, its level and time. Accepts upstream's JSON
// lines (message parts under "0", "1", … and _meta), Docker (`--timestamps`, compose `name | `,
// json-file `{"log": …}`), journald (`Nov 22 10:00:00 host unit[pid]: `), plain text, JSON quoted
// after a plain prefix, and lines cut in the middle of a JSON document.
import { PEER_KEYS, maskPeerValues, quotePeer } from '../system/untrusted-text.js';

export type Level = 'fatal' | 'error' | 'warning' | 'info' | 'debug';

export interface DecodedLine {
  /** The message: upstream parts joined, JSON flattened to `key=value`, prefixes removed. */
  text: string;
  level?: Level;
  /** Milliseconds since the epoch, when the line carries a time. */
  time?: number;
}

const COMPOSE_PREFIX = /^[\w.-]+\s+\|\s?/;
const ISO_PREFIX = /^\[?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?)\]?\s+/;
const SYSLOG_PREFIX = /^([A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}) \S+ [^\s:[]+(?:\[\d+\])?: /;
const JOURNAL_AFTER_ISO = /^\S+ [^\s:[]+\[\d+\]: /;
const PLAIN_LEVEL = /(?:^|[\s[(|])(fatal|panic|error|err|warn|warning|info|debug|trace)(?=[\]\s:|)]|$)/i;
const MAX_TEXT = 4000;

const LEVEL_NAMES: Record<string, Level> = {
  fatal: 'fatal',
  panic: 'fatal',
  error: 'error',
  err: 'error',
  warn: 'warning',
  warning: 'warning',
  info: 'info',
  debug: 'debug',
  trace: 'debug',
  silly: 'debug',
};

function levelFrom(value: unknown): Level | undefined {
  if (typeof value === 'number') return value >= 60 ? 'fatal' : value >= 50 ? 'error' : value >= 40 ? 'warning' : value >= 30 ? 'info' : 'debug';
  return typeof value === 'string' ? LEVEL_NAMES[value.toLowerCase()] : undefined;
}

function timeFrom(value: unknown): number | undefined {
  if (typeof value === 'number') return value > 1e12 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

function syslogTime(stamp: string, now = new Date()): number | undefined {
  const t = Date.parse(`${stamp} ${now.getFullYear()}`);
  if (Number.isNaN(t)) return undefined;
  // No year in syslog stamps: a date in the future belongs to last year.
  return t > now.getTime() + 86_400_000 ? Date.parse(`${stamp} ${now.getFullYear() - 1}`) : t;
}

/**
 * `key=value` pairs of every leaf, so messages, codes and ids stay searchable without JSON quoting.
 * A peer's words (PEER_KEYS: origin, userAgent, platform, …) come out as `key="…"`, which the
 * signature matcher skips: only what the gateway said can match.
 */
export function flattenJson(value: unknown, key = ''): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'string' && PEER_KEYS.has(key)) return `${key}=${quotePeer(value)}`;
    const v = String(value);
    return key ? `${key}=${v}` : v;
  }
  const parts = Array.isArray(value)
    ? value.map((v) => flattenJson(v, key))
    : Object.entries(value).map(([k, v]) => flattenJson(v, k));
  return parts.filter(Boolean).join(' ');
}

function isUpstream(obj: Record<string, unknown>): boolean {
  return '0' in obj || ('_meta' in obj && typeof obj._meta === 'object');
}

function decodeUpstream(obj: Record<string, unknown>): DecodedLine {
  const meta = (obj._meta ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  for (let i = 0; String(i) in obj; i++) {
    const part = obj[String(i)];
    if (typeof part === 'string') {
      // A leading `{"subsystem":…}` part names the logger, not the message.
      if (i === 0 && part.startsWith('{"subsystem"')) continue;
      parts.push(part);
    } else parts.push(flattenJson(part));
  }
  return {
    text: parts.join(' '),
    level: levelFrom(meta.logLevelName),
    time: timeFrom(obj.time) ?? timeFrom(meta.date),
  };
}

function decodeObject(obj: Record<string, unknown>, depth: number): DecodedLine {
  if (isUpstream(obj)) return decodeUpstream(obj);
  // Docker's json-file driver: the real line is under "log".
  if (typeof obj.log === 'string' && 'stream' in obj && depth < 2) {
    const inner = decodeLine(obj.log.replace(/\r?\n$/, ''), depth + 1);
    return { ...inner, time: inner.time ?? timeFrom(obj.time) };
  }
  return {
    text: flattenJson(obj),
    level: levelFrom(obj.level ?? obj.levelname ?? obj.severity),
    time: timeFrom(obj.time ?? obj.timestamp ?? obj.ts),
  };
}

function tryParseObject(text: string): Record<string, unknown> | undefined {
  if (!text.endsWith('}')) return undefined;
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function plainLevel(text: string): Level | undefined {
  const m = PLAIN_LEVEL.exec(text.slice(0, 160));
  return m ? LEVEL_NAMES[m[1].toLowerCase()] : undefined;
}

const JSON_TIME = /"(?:time|date|timestamp)":"([^"]{10,40})"/;

/**
 * Just the time of a raw line, without decoding it: prefixes, else a "time"/"date" field found by
 * a regex (no JSON.parse, and it works on lines cut short). Used by --since to skip old lines fast.
 */
export function lineTime(raw: string): number | undefined {
  const rest = raw.replace(COMPOSE_PREFIX, '');
  const iso = ISO_PREFIX.exec(rest);
  if (iso) return timeFrom(iso[1].replace(' ', 'T').replace(',', '.'));
  const sys = SYSLOG_PREFIX.exec(rest);
  if (sys) return syslogTime(sys[1]);
  const field = JSON_TIME.exec(rest);
  return field ? timeFrom(field[1]) : undefined;
}

export function decodeLine(raw: string, depth = 0): DecodedLine {
  let rest = raw.trimEnd().replace(COMPOSE_PREFIX, '');
  let time: number | undefined;
  const iso = ISO_PREFIX.exec(rest);
  if (iso) {
    time = timeFrom(iso[1].replace(' ', 'T').replace(',', '.'));
    rest = rest.slice(iso[0].length).replace(JOURNAL_AFTER_ISO, '');
  } else {
    const sys = SYSLOG_PREFIX.exec(rest);
    if (sys) {
      time = syslogTime(sys[1]);
      rest = rest.slice(sys[0].length);
    }
  }

  if (rest.startsWith('{')) {
    const obj = tryParseObject(rest);
    if (obj) {
      const d = decodeObject(obj, depth);
      return { ...d, text: d.text.slice(0, MAX_TEXT), time: d.time ?? time };
    }
  }
  // A plain prefix with a JSON document after it (an error response quoted in a message).
  const brace = rest.indexOf('{"');
  if (brace > 0) {
    const obj = tryParseObject(rest.slice(brace));
    if (obj) rest = `${rest.slice(0, brace)}${flattenJson(obj)}`;
  }
  // Still escaped (a JSON line cut mid-way, or a string quoted twice): unescape for the regexes.
  if (rest.includes('\\"')) rest = rest.replace(/\\\\/g, '\\').replace(/\\"/g, '"');
  return { text: rest.slice(0, MAX_TEXT), level: plainLevel(maskPeerValues(rest)), time };
}
