// Text that came from logs, files or peers: shown with its control characters visible, and, when the
// gateway logs a value a peer chose, written in a quoted form that the log scanner never matches.
//
// Why: an ESC/OSC sequence in a log line (`\x1b]52;…\x07` writes the clipboard, `\x1b[2J` clears the
// screen) would act on the terminal of whoever reads the log, a newline would forge a second log
// line, and a client calling itself "EADDRINUSE …" would make `logs scan` report a port conflict.

/** Bidi marks, overrides and isolates, and the Unicode line/paragraph separators. */
const FORMAT_CONTROLS = '\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
/** C0 controls, DEL, C1 controls and the format controls above. */
const CONTROL = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${FORMAT_CONTROLS}]`, 'g');
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Control characters shown as escapes (`\x1b`, `\n`, `\u009b`); everything else unchanged. Apply it to
 * the untrusted text before adding our own colours, so those keep working.
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, visible);
}

// What JSON.stringify leaves raw: DEL, C1 and the Unicode formatting controls (it escapes C0 itself).
const JSON_RAW_CONTROL = new RegExp(`[\\u007f-\\u009f${FORMAT_CONTROLS}]`, 'g');

/** JSON text with every control character as a `\uXXXX` escape: the same JSON, safe on a terminal. */
export function escapeJsonControl(json: string): string {
  return json.replace(JSON_RAW_CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Longest peer-supplied value the gateway logs; longer ones are cut and marked with `…`. */
export const PEER_VALUE_MAX = 200;

/**
 * A peer-supplied value as the gateway logs it: cut to PEER_VALUE_MAX, control characters escaped, `"`
 * and `\` escaped as `\x22`/`\x5c`, in double quotes. The value then can neither end the quotes nor
 * start a new line, so `key="…"` bounds exactly what the peer said (see maskPeerValues).
 */
export function quotePeer(value: unknown): string {
  // Quote and backslash first: the escapes escapeControl adds must stay as they are.
  return `"${escapeControl(capPeer(value).replace(/["\\]/g, (c) => (c === '"' ? '\\x22' : '\\x5c')))}"`;
}

/** A peer-supplied value cut to PEER_VALUE_MAX (for structured log fields, which JSON escapes). */
export function capPeer(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return text.length > PEER_VALUE_MAX ? `${text.slice(0, PEER_VALUE_MAX)}…` : text;
}

/**
 * Keys whose values are the peer's words in upstream's structured log fields (`{"origin": …}`): what a
 * client, browser or proxy sent, never what the gateway concluded.
 */
export const PEER_KEYS = new Set([
  'client',
  'clientId',
  'clientDisplayName',
  'displayName',
  'platform',
  'deviceFamily',
  'modelIdentifier',
  'version',
  'clientVersion',
  'instance',
  'instanceId',
  'origin',
  'host',
  'ua',
  'userAgent',
  'fwd',
  'forwardedFor',
  'lastFrameType',
  'lastFrameMethod',
  'lastFrameId',
]);

// `key="…"` as quotePeer writes it (no `"` inside), and `"peerKey":"…"` inside raw JSON.
const QUOTED_VALUE = /(^|[\s,;([{])([A-Za-z_][\w.-]*)="[^"\n]*"/g;
const JSON_PEER_VALUE = /"([A-Za-z_]\w*)":"(?:[^"\\]|\\.)*"/g;

/**
 * The text the signature matcher looks at: peer-supplied values replaced by `…`, so only what the
 * gateway itself said can match a signature. Evidence and display keep the full (escaped) text.
 */
export function maskPeerValues(text: string): string {
  if (!text.includes('"')) return text;
  return text.replace(QUOTED_VALUE, '$1$2="…"').replace(JSON_PEER_VALUE, (all, key: string) => (PEER_KEYS.has(key) ? `"${key}":"…"` : all));
}
