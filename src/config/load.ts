// Reading openclaw.json: JSON5, `${ENV}` substitution, and a precise error for every way it can go wrong.
import fs from 'node:fs';
import { lazyRequire } from '../lazy-require.js';
import { explainParseError, minimalRepair, salvage } from './parse-repair.js';
import { ConfigError } from './errors.js';

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

/** Reads and parses a config file. A missing file is not an error; everything else that is wrong is. */
export function readConfigFile(file: string): ReadResult {
  let buf: Buffer;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
    if (stat.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    buf = fs.readFileSync(file);
  } catch (err) {
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
  const raw = parseConfigText(file, text);
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

/** Parses config text as JSON5; the result must be an object. */
export function parseConfigText(file: string, text: string): JsonObject {
  if (text.trim() === '') {
    throw new ConfigError({
      code: 'empty',
      file,
      message: 'is empty',
      hint: 'A half-finished write leaves an empty file: restore openclaw.json.bak, or run `openclaw setup`.',
    });
  }
  let value: unknown;
  try {
    value = parseJson5(text);
  } catch (err) {
    const e = err as SyntaxError & { lineNumber?: number; columnNumber?: number };
    const line = e.lineNumber ?? 1;
    const column = e.columnNumber ?? 1;
    const reason = e.message.replace(/^JSON5: /, '').replace(/ at \d+:\d+$/, '');
    const parses = (t: string) => salvageParse(t) !== undefined;
    const repair = minimalRepair(text, line, column, parses);
    const explained = explainParseError(text, line, column, reason);
    throw new ConfigError({
      code: 'parse',
      file,
      line,
      column,
      excerpt: text.split(/\r?\n/)[line - 1] ?? '',
      message: `cannot be parsed as JSON5: ${explained ?? reason}`,
      hint: repair
        ? `To repair it, ${repair.description} (\`openclaw doctor --fix --yes\` does exactly that), or restore the last good copy.`
        : 'Fix the text at that position, or restore the last good copy (openclaw.json.bak, or `openclaw doctor --fix`).',
      repair,
      salvaged: salvage(text, line, column, salvageParse, repair),
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
