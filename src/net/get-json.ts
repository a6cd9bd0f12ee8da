// GET a JSON document from an HTTP endpoint, with one deadline for the whole exchange. Used for a
// browser's DevTools endpoints (/json/version, /json/list). node:http rather than fetch(): the
// first fetch() in a process loads undici, about 30 ms that every doctor run would pay just to
// learn that nothing listens on the browser's CDP port.

export interface JsonResponse {
  status: number;
  ok: boolean;
  /** The parsed body of a 2xx answer; undefined otherwise. */
  body: unknown;
}

/** Thrown when the deadline passes; `name` matches what fetch's AbortSignal.timeout() throws. */
export class HttpTimeoutError extends Error {
  override name = 'TimeoutError';
}

/** Rejects with Node's socket error (its `code`, e.g. ECONNREFUSED), HttpTimeoutError, or a SyntaxError for a body that is not JSON. */
export async function getJson(url: string | URL, timeoutMs: number): Promise<JsonResponse> {
  const target = typeof url === 'string' ? new URL(url) : url;
  // Imported per call: https brings tls with it, and most runs never probe a browser at all.
  const client = target.protocol === 'https:' ? await import('node:https') : await import('node:http');
  return new Promise((resolve, reject) => {
    const req = client.get(target, { headers: { accept: 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', fail);
      res.on('end', () => {
        clearTimeout(timer);
        const status = res.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        try {
          resolve({ status, ok, body: ok ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined });
        } catch (err) {
          reject(err);
        }
      });
    });
    const timer = setTimeout(() => req.destroy(new HttpTimeoutError(`no answer from ${target.href} within ${timeoutMs} ms`)), timeoutMs);
    req.on('error', fail);
    function fail(err: Error) {
      clearTimeout(timer);
      reject(err);
    }
  });
}

/** A short name for a failed request: "timed out", the socket error code, or the message. */
export function requestFailure(err: unknown): string {
  const e = err as Error & { code?: string };
  if (e.name === 'TimeoutError') return 'timed out';
  return e.code ?? e.message;
}
