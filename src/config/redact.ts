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

// `key: value` inside one line of JSON5 source: quoted or bare key, then a string (possibly unterminated) or a bare word.
const SOURCE_PAIR = /(["']?)([A-Za-z_$][\w$-]*)\1(\s*:\s*)("(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|[^\s,{}[\]"']+)/g;
const ENV_REF = /^["']?\$\{[A-Z_][A-Z0-9_]*\}["']?$/;
const LEADING_VALUE = /^(\s*)("(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|[^\s,{}[\]"']+)/;
const ENDS_WITH_KEY = /(["']?)([A-Za-z_$][\w$-]*)\1\s*:\s*$/;

/**
 * A line of config source fit to show in an error: the value of every secret-named key becomes `"***"`
 * (also a value that starts the line when the key ended the line before). The column of a caret
 * is moved with the text so it still points at the same character.
 */
export function redactSourceLine(line: string, column?: number, previousLine = ''): { text: string; column?: number } {
  let col = column;
  const shiftFor = (start: number, oldLen: number, newLen: number) => {
    if (col === undefined || col - 1 < start) return;
    col = col - 1 < start + oldLen ? start + 1 : col + newLen - oldLen;
  };
  let text = line;
  const prevKey = ENDS_WITH_KEY.exec(previousLine);
  if (prevKey && isSecretKey(prevKey[2])) {
    const m = LEADING_VALUE.exec(text);
    if (m && !ENV_REF.test(m[2])) {
      shiftFor(m[1].length, m[2].length, 5);
      text = `${m[1]}"***"${text.slice(m[0].length)}`;
    }
  }
  let out = '';
  let last = 0;
  const outCol = { value: col };
  for (const m of text.matchAll(SOURCE_PAIR)) {
    const [whole, , key, , value] = m;
    if (!isSecretKey(key) || ENV_REF.test(value)) continue;
    const valueStart = (m.index ?? 0) + whole.length - value.length;
    out += text.slice(last, valueStart) + `"${REDACTED}"`;
    last = valueStart + value.length;
    // Positions in `text` map to `out` by the length change so far.
    const delta = out.length - last;
    if (col !== undefined && col - 1 >= valueStart) {
      outCol.value = col - 1 < valueStart + value.length ? out.length - 4 : col + delta;
    }
  }
  out += text.slice(last);
  return { text: out, column: outCol.value };
}
