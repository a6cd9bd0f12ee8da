// Secrets never reach a terminal, a log or a JSON report unless the user asks with --show-secrets.
export const REDACTED = '***';

const SECRET_KEY = /(token|password|passwd|secret|api[-_]?key|private[-_]?key|credential|cookie|authorization)$/i;
const NOT_SECRET_KEY = /^(maxTokens|tokens|tokenUsage|contextTokens|tokenCount)$/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key) && !NOT_SECRET_KEY.test(key);
}

/** A deep copy with every secret-named string value replaced by `***` (a `${ENV}` reference is kept: it is not a secret). */
export function redactValue<T>(value: T, key = ''): T {
  if (typeof value === 'string') {
    if (key && isSecretKey(key) && value !== '' && !/^\$\{[A-Z_][A-Z0-9_]*\}$/.test(value)) return REDACTED as T;
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, key)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactValue(v, k);
    return out as T;
  }
  return value;
}

/** Collects the secret values in a config so free text (log lines, errors) can be scrubbed of them. */
export function collectSecrets(value: unknown, key = '', out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (key && isSecretKey(key) && value.length >= 4) out.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) collectSecrets(v, key, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collectSecrets(v, k, out);
  }
  return out;
}

/** Replaces every known secret, and anything shaped like a bearer token or `token=…`, in free text. */
export function redactText(text: string, secrets: Iterable<string> = []): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join(REDACTED);
  return out
    .replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/g, `$1${REDACTED}`)
    .replace(/((?:token|password|apiKey|api_key)["']?\s*[=:]\s*["']?)[^\s"',;&]{4,}/gi, `$1${REDACTED}`);
}

// A secret on a command line: `--token S`, `--token=S`, `--password …`, and `NAME_TOKEN=S`-style
// assignments (env prefixes, `env …` wrappers). Names as in an environment: *_TOKEN, *_KEY, *_SECRET, *PASSWORD.
const SECRET_FLAG = /^--?(token|password|passwd|secret|api-?key)$/i;
const SECRET_FLAG_EQ = /^(--?(?:token|password|passwd|secret|api-?key)=).+$/i;
const SECRET_ENV_NAME = /(^|_)(TOKEN|KEY|SECRET|PASSWORD|PASSWD)$/i;
const SECRET_ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/;

/** An argv with every secret argument replaced by `***`; the one redaction for any shown command line. */
export function redactArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const assign = SECRET_ASSIGNMENT.exec(a);
    if (SECRET_FLAG.test(a) && i + 1 < argv.length) out.push(a, REDACTED), i++;
    else if (SECRET_FLAG_EQ.test(a)) out.push(a.replace(SECRET_FLAG_EQ, `$1${REDACTED}`));
    else if (assign && SECRET_ENV_NAME.test(assign[1])) out.push(`${assign[1]}=${REDACTED}`);
    else out.push(a);
  }
  return out;
}

/** A command line as one string (split on whitespace, so a secret containing spaces is cut at its first word). */
export function redactCommandLine(command: string): string {
  return redactArgv(command.split(/ +/)).join(' ');
}

/** An environment to show: the values of secret-named variables replaced by `***`. */
export function redactEnvironment(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, SECRET_ENV_NAME.test(k) || isSecretKey(k) ? REDACTED : v]));
}

// `key: value` inside one line of JSON5 source: quoted or bare key, then a string (possibly unterminated) or a bare word.
const SOURCE_PAIR = /(["']?)([A-Za-z_$][\w$-]*)\1(\s*:\s*)("(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|[^\s,{}[\]"']+)/g;
const ENV_REF = /^["']?\$\{[A-Z_][A-Z0-9_]*\}["']?$/;
const LEADING_VALUE = /^(\s*)("(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|[^\s,{}[\]"']+)/;
const ENDS_WITH_KEY = /(["']?)([A-Za-z_$][\w$-]*)\1\s*:\s*$/;

/**
 * A line of config source fit to show in an error: the value of every secret-named key becomes `"***"`
 * (also a value that starts the line when the key ended the line before). The caret's column moves
 * with the text so that it still points at the same character.
 */
export function redactSourceLine(line: string, column?: number, previousLine = ''): { text: string; column?: number } {
  const spans: [number, number][] = []; // [start, end) of each value to hide, in order
  const prevKey = ENDS_WITH_KEY.exec(previousLine);
  const lead = LEADING_VALUE.exec(line);
  if (prevKey && isSecretKey(prevKey[2]) && lead && !ENV_REF.test(lead[2])) spans.push([lead[1].length, lead[0].length]);
  for (const m of line.matchAll(SOURCE_PAIR)) {
    const [whole, , key, , value] = m;
    if (!isSecretKey(key) || ENV_REF.test(value)) continue;
    const end = (m.index ?? 0) + whole.length;
    spans.push([end - value.length, end]);
  }
  let text = '';
  let last = 0;
  let col = column;
  for (const [start, end] of spans) {
    if (start < last) continue;
    text += `${line.slice(last, start)}"${REDACTED}"`;
    // Inside the hidden value: point at its start; after it: shift by what the redaction changed.
    if (column !== undefined && column - 1 >= start) col = column - 1 < end ? text.length - 4 : column + text.length - end;
    last = end;
  }
  return { text: text + line.slice(last), column: col };
}
