// The path of an HTTP request target, without trusting it to be a URL.

const ORIGIN_FORM = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*(\?[\x21-\x7e]*)?$/;

/**
 * Origin-form ("/x", resolved against a fixed base so "//host/x" stays a path instead of naming a
 * host) or absolute-form ("http://host/x"); undefined for anything else ("*", "//[", "ftp://…").
 * Trailing slashes are dropped ("/health/" is "/health"; "/" stays).
 */
export function requestPath(target: string | undefined): string | undefined {
  const raw = target ?? '/';
  // The path must be RFC 3986 path characters ("[" is only legal in a host); the query is freer.
  if (raw.startsWith('/') && !ORIGIN_FORM.test(raw)) return undefined;
  try {
    const url = raw.startsWith('/') ? new URL(`http://gateway${raw}`) : new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.pathname.replace(/\/+$/, '') || '/';
  } catch {
    return undefined;
  }
}
