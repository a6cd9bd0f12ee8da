// The `cdp` fact: does the configured CDP endpoint answer (`GET /json/version`, then a WebSocket
// open to its webSocketDebuggerUrl).
import type { MessageRef } from '../i18n/index.js';
import { getJson, requestFailure } from '../net/get-json.js';

export interface CdpFact {
  url?: string;
  /** False when no (valid) cdpUrl is configured: nothing was probed. */
  probed: boolean;
  httpOk?: boolean;
  browser?: string;
  webSocketDebuggerUrl?: string;
  wsOk?: boolean;
  error?: string;
}

/**
 * Parses a cdpUrl the way the browser tool does; undefined with a reason when it is not usable: in
 * English (`problem`) and as data (`problemRef`, a catalog id and params for the reader's language).
 */
export function parseCdpUrl(value: string): { url?: URL; problem?: string; problemRef?: MessageRef } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: `not a URL: ${value}`, problemRef: { id: 'cdp.not-a-url', params: { value } } };
  }
  const scheme = url.protocol.replace(/:$/, '');
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) {
    return { problem: `browser.cdpUrl must be http(s) or ws(s), got: ${scheme}`, problemRef: { id: 'cdp.bad-scheme', params: { scheme } } };
  }
  if (url.port !== '' && !(Number(url.port) > 0 && Number(url.port) <= 65535)) {
    return { problem: `browser.cdpUrl has invalid port: ${url.port}`, problemRef: { id: 'cdp.bad-port', params: { port: url.port } } };
  }
  return { url };
}

async function wsOpens(wsUrl: string, timeoutMs: number): Promise<{ ok: boolean; error?: string }> {
  const { default: WebSocket } = await import('ws');
  return new Promise((resolve) => {
    const ws = new WebSocket(wsUrl, { handshakeTimeout: timeoutMs });
    const timer = setTimeout(() => finish({ ok: false, error: `websocket did not open within ${timeoutMs} ms` }), timeoutMs);
    function finish(r: { ok: boolean; error?: string }) {
      clearTimeout(timer);
      ws.removeAllListeners();
      ws.on('error', () => {});
      ws.terminate();
      resolve(r);
    }
    ws.once('open', () => finish({ ok: true }));
    ws.once('error', (err) => finish({ ok: false, error: err.message }));
  });
}

export async function collectCdp(cdpUrl: unknown, timeoutMs: number): Promise<CdpFact> {
  if (typeof cdpUrl !== 'string' || !cdpUrl) return { probed: false };
  const { url } = parseCdpUrl(cdpUrl);
  if (!url) return { url: cdpUrl, probed: false };
  const fact: CdpFact = { url: cdpUrl, probed: true };
  let wsUrl = cdpUrl;
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    try {
      const res = await getJson(new URL('/json/version', url), timeoutMs);
      fact.httpOk = res.ok;
      if (!res.ok) {
        fact.error = `GET /json/version answered HTTP ${res.status}`;
        return fact;
      }
      const body = (res.body ?? {}) as { Browser?: string; webSocketDebuggerUrl?: string };
      fact.browser = body.Browser;
      fact.webSocketDebuggerUrl = body.webSocketDebuggerUrl;
      if (!body.webSocketDebuggerUrl) {
        fact.error = 'GET /json/version has no webSocketDebuggerUrl';
        return fact;
      }
      wsUrl = body.webSocketDebuggerUrl;
    } catch (err) {
      fact.httpOk = false;
      const why = requestFailure(err);
      fact.error = `GET /json/version failed: ${why === 'timed out' ? `no answer within ${timeoutMs} ms` : why}`;
      return fact;
    }
  }
  const ws = await wsOpens(wsUrl, timeoutMs);
  fact.wsOk = ws.ok;
  if (!ws.ok) fact.error = `WebSocket ${wsUrl}: ${ws.error}`;
  return fact;
}
