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
