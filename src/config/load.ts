// Reading openclaw.json: JSON5, `${ENV}` substitution, and a precise error for every way it can go wrong.
import fs from 'node:fs';
import path from 'node:path';
import { lazyRequire } from '../lazy-require.js';
import { explainParseError, minimalRepair, parserReason, salvage } from './parse-repair.js';
import { ConfigError } from './errors.js';
import { redactSourceLine } from './redact.js';

export type JsonObject = Record<string, unknown>;

export interface LoadedConfig {
  path: string;
  /** The file's text as read. */
  text: string;
  /** The parsed file before `${ENV}` substitution: what writes start from, so env secrets never land on disk. */
  raw: JsonObject;
  /** The parsed file after substitution: what the gateway and the checks see. */
  resolved: JsonObject;
  /** `${NAME}` references whose variable is unset; they stay unresolved in `resolved`. */
  missingEnv: MissingEnvRef[];
  /** True when the text has comments, which a rewrite cannot keep. */
  hasComments: boolean;
  mtimeMs: number;
  size: number;
}

export type ReadResult = { exists: false; path: string } | ({ exists: true } & LoadedConfig);

function fsError(file: string, err: NodeJS.ErrnoException): ConfigError {
  switch (err.code) {
    case 'EISDIR':
      return new ConfigError({
        code: 'is-directory',
        file,
        message: 'is a directory, not a config file',
        hint: `Move the directory away and run \`openclaw setup\`, or point OPENCLAW_CONFIG_PATH at the real file.`,
      });
    case 'EACCES':
    case 'EPERM':
      return new ConfigError({
        code: 'permission',
        file,
        message: 'cannot be read: permission denied',
        hint: `Run the command as the user who owns it, or fix ownership: chown "$USER" ${file} && chmod 600 ${file}`,
      });
    case 'ELOOP':
      return new ConfigError({
        code: 'symlink-loop',
        file,
        message: 'is a symbolic link that loops back on itself',
        hint: `Inspect it with \`ls -l ${file}\` and replace the link with the real file.`,
      });
    default:
      return new ConfigError({
        code: 'io',
        file,
        message: `cannot be read: ${err.code ?? err.message}`,
        hint: 'Check the disk and the path, then try again.',
      });
  }
}

const FILE_KINDS: [(s: fs.Stats) => boolean, string][] = [
  [(s) => s.isFIFO(), 'a named pipe (FIFO)'],
  [(s) => s.isSocket(), 'a socket'],
  [(s) => s.isCharacterDevice(), 'a character device'],
  [(s) => s.isBlockDevice(), 'a block device'],
];

/**
 * Reads a file only when it is a regular file. The open is non-blocking (a FIFO would otherwise wait
 * for a writer forever) and the type is checked on the opened descriptor, so a swap cannot slip in.
 */
export function readRegularFile(file: string): { buf: Buffer; stat: fs.Stats } {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    if (!stat.isFile()) {
      const kind = FILE_KINDS.find(([is]) => is(stat))?.[1] ?? 'not a regular file';
      throw new ConfigError({
        code: 'not-regular',
        file,
        message: `is ${kind}, not a regular file`,
        hint: `Replace it with the real config file (see \`ls -l ${file}\`), or point OPENCLAW_CONFIG_PATH at one.`,
      });
    }
    return { buf: fs.readFileSync(fd), stat };
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads and parses a config file. A missing file is not an error; everything else that is wrong is. */
export function readConfigFile(file: string): ReadResult {
  let buf: Buffer;
  let stat: fs.Stats;
  try {
    ({ buf, stat } = readRegularFile(file));
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') {
      // A dangling symlink is ENOENT too; say so rather than "missing".
      const target = danglingLinkTarget(file);
      if (target !== undefined) {
        throw new ConfigError({
          code: 'io',
          file,
          message: `is a symbolic link to a file that does not exist (${target})`,
          hint: 'Restore the target file or replace the link.',
        });
      }
      return { exists: false, path: file };
    }
    throw fsError(file, e);
  }
  const text = decodeUtf8(file, buf);
  const raw = parseConfigText(file, text, { excerpts: mayShowExcerpt(file, text) });
  const missingEnv: MissingEnvRef[] = [];
  const resolved = substituteEnv(raw, process.env, missingEnv) as JsonObject;
  return {
    missingEnv,
    exists: true,
    path: file,
    text,
    raw,
    resolved,
    hasComments: hasComments(text),
    mtimeMs: stat.mtimeMs,
    size: stat.size,
  };
}

function danglingLinkTarget(file: string): string | undefined {
  try {
    return fs.lstatSync(file).isSymbolicLink() ? fs.readlinkSync(file) : undefined;
  } catch {
    return undefined; // not there at all
  }
}

function decodeUtf8(file: string, buf: Buffer): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const offset = firstInvalidUtf8(buf);
    const before = buf.subarray(0, offset).toString('utf8');
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    throw new ConfigError({
      code: 'invalid-utf8',
      file,
      line,
      column,
      message: `is not valid UTF-8 (byte 0x${buf[offset]?.toString(16).padStart(2, '0')} at offset ${offset})`,
      hint: 'Re-save the file as UTF-8, or restore it from openclaw.json.bak.',
    });
  }
}

function firstInvalidUtf8(buf: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = buf.length;
  // Binary search the longest valid prefix; good enough to point at the bad byte.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      decoder.decode(buf.subarray(0, mid), { stream: true });
      decoder.decode();
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

// Most configs are plain JSON (the wizard and every `config set` write JSON): JSON.parse reads them
// without loading json5, which only hand-edited files with comments or trailing commas need.
const json5 = lazyRequire<typeof import('json5')>('json5');

function parseJson5(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return json5().parse(text); // JSON5 accepts every JSON text, and its errors carry line and column
  }
}

/** Parses text as a config object, or undefined: for checking candidate repairs. */
function salvageParse(text: string): JsonObject | undefined {
  try {
    const v = parseJson5(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether an error may quote a line of this file. A config symlinked to, say, /etc/shadow must not
 * print that file's first line: a file whose real path lies outside the config path's own directory
 * is quoted only when it is named like a config (.json/.json5) and looks like one (its first
 * non-blank character is `{`). Files in the config's directory are quoted (secrets redacted), since
 * that is where the user's own configs, backups and copies live.
 */
export function mayShowExcerpt(file: string, text: string): boolean {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return false;
  }
  if (path.dirname(real) === path.dirname(path.resolve(file))) return true;
  return /\.json5?$/i.test(real) && text.trimStart().startsWith('{');
}

/** Configs nest a handful of levels; a limit far above that keeps recursion (parse, env, schema) safe. */
export const MAX_CONFIG_DEPTH = 100;

/** Where the bracket nesting of JSON5 text first exceeds `max` (strings and comments skipped), without recursion. */
export function depthExceededAt(text: string, max = MAX_CONFIG_DEPTH): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '{' || c === '[') {
      if (++depth > max) return i;
    } else if (c === '}' || c === ']') depth--;
  }
  return undefined;
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** Parses config text as JSON5; the result must be an object. Error excerpts have secrets redacted. */
export function parseConfigText(file: string, text: string, opts: { excerpts?: boolean } = {}): JsonObject {
  if (text.trim() === '') {
    throw new ConfigError({
      code: 'empty',
      file,
      message: 'is empty',
      hint: 'A half-finished write leaves an empty file: restore openclaw.json.bak, or run `openclaw setup`.',
      reason: { id: 'config.error.empty' },
      hintRef: { id: 'config.error.empty.hint' },
    });
  }
  const tooDeep = depthExceededAt(text);
  if (tooDeep !== undefined) {
    throw new ConfigError({
      code: 'too-deep',
      file,
      ...positionOf(text, tooDeep),
      message: `nests deeper than ${MAX_CONFIG_DEPTH} levels of { } or [ ], which no config needs`,
      hint: 'The file is damaged or not a config: restore openclaw.json.bak, or run `openclaw doctor --fix`.',
      reason: { id: 'config.error.too-deep', params: { max: MAX_CONFIG_DEPTH } },
      hintRef: { id: 'config.error.too-deep.hint' },
    });
  }
  let value: unknown;
  try {
    value = parseJson5(text);
  } catch (err) {
    const e = err as SyntaxError & { lineNumber?: number; columnNumber?: number };
    const line = e.lineNumber ?? 1;
    const lines = text.split(/\r?\n/);
    const column = e.columnNumber ?? 1;
    const shown = opts.excerpts === false ? undefined : redactSourceLine(lines[line - 1] ?? '', column, lines[line - 2]);
    const reason = e.message.replace(/^JSON5: /, '').replace(/ at \d+:\d+$/, '');
    // A file that is not a config (a symlink to a system file) gets no repair and no salvage either.
    const parses = (t: string) => salvageParse(t) !== undefined;
    const repair = opts.excerpts === false ? undefined : minimalRepair(text, line, column, parses);
    const explained = explainParseError(text, line, column, reason) ?? parserReason(reason);
    throw new ConfigError({
      code: 'parse',
      file,
      line,
      column, // the position in the file; the caret's column in the redacted excerpt may differ
      excerpt: shown?.text,
      excerptColumn: shown?.column !== column ? shown?.column : undefined,
      message: `cannot be parsed as JSON5: ${explained.english}`,
      hint: repair
        ? `To repair it, ${repair.description} (\`openclaw doctor --fix --yes\` does exactly that), or restore the last good copy.`
        : 'Fix the text at that position, or restore the last good copy (openclaw.json.bak, or `openclaw doctor --fix`).',
      reason: { id: 'config.error.parse', params: { reason: explained.ref } },
      hintRef: repair?.descriptionRef ? { id: 'config.error.parse.hint-repair', params: { repair: repair.descriptionRef } } : repair ? undefined : { id: 'config.error.parse.hint' },
      repair,
      salvaged: opts.excerpts === false ? undefined : salvage(text, line, column, salvageParse, repair),
    });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError({
      code: 'not-object',
      file,
      line: 1,
      column: 1,
      message: `must hold an object at the top level, not ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`,
      hint: 'Wrap the settings in { … }, or restore openclaw.json.bak.',
      reason: { id: 'config.error.not-object', params: { found: Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value } },
      hintRef: { id: 'config.error.not-object.hint' },
    });
  }
  return value as JsonObject;
}

export interface MissingEnvRef {
  /** Dotted path of the string that refers to the variable. */
  path: string;
  name: string;
}

/**
 * Replaces `${NAME}` in string values with the environment variable (upper-case names only, as
 * upstream); `$${NAME}` escapes to a literal `${NAME}`. A reference to an unset variable is kept as
 * written and reported, so reading and editing still work; starting a gateway must refuse it.
 */
export function substituteEnv(value: unknown, env: NodeJS.ProcessEnv, missing: MissingEnvRef[] = [], at = ''): unknown {
  if (typeof value === 'string') {
    if (!value.includes('${')) return value;
    return value.replace(/\$\$\{([A-Z_][A-Z0-9_]*)\}|\$\{([A-Z_][A-Z0-9_]*)\}/g, (whole, escaped, name) => {
      if (escaped) return '${' + escaped + '}';
      const v = env[name];
      if (v === undefined || v === '') {
        missing.push({ path: at || '(root)', name });
        return whole;
      }
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => substituteEnv(v, env, missing, `${at}[${i}]`));
  if (value && typeof value === 'object') {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = substituteEnv(v, env, missing, at ? `${at}.${k}` : k);
    return out;
  }
  return value;
}

/** True when the text has a `//` or `/* *\/` comment outside strings. */
export function hasComments(text: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return true;
  }
  return false;
}
