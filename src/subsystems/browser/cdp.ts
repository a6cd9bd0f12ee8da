// Talking to a Chrome DevTools Protocol endpoint: `GET /json/version` (which names the browser and
// its webSocketDebuggerUrl), a WebSocket open to that URL, and the page list. Short timeouts throughout.
import { getJson, requestFailure } from '../../net/get-json.js';

export interface CdpVersion {
  Browser?: string;
  'Protocol-Version'?: string;
  webSocketDebuggerUrl?: string;
  [k: string]: unknown;
}

export interface CdpProbe {
  /** The HTTP endpoint answered /json/version (or the URL was a ws:// one and had none to ask). */
  http: boolean;
  ws: boolean;
  version?: CdpVersion;
  wsUrl?: string;
  error?: string;
}

export function httpBaseOf(cdpUrl: string): string {
  const u = new URL(cdpUrl);
  const proto = u.protocol === 'wss:' ? 'https:' : u.protocol === 'ws:' ? 'http:' : u.protocol;
  return `${proto}//${u.host}`;
}

export async function fetchJson<T>(url: string, timeoutMs: number): Promise<T> {
  const res = await getJson(url, timeoutMs);
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${url}`);
  return res.body as T;
}

export async function openWebSocket(url: string, timeoutMs: number): Promise<void> {
  // Loaded here: `doctor` imports this module for its browser checks but rarely opens a socket.
  const { default: WebSocket } = await import('ws');
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { handshakeTimeout: timeoutMs });
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`no WebSocket handshake within ${timeoutMs}ms`));
    }, timeoutMs + 100);
    ws.once('open', () => {
      clearTimeout(timer);
      ws.close();
      resolve();
    });
    ws.once('error', (err) => {
      clearTimeout(timer);
      ws.terminate();
      reject(err);
    });
  });
}


/** Asks /json/version, then opens the browser's WebSocket. Never throws. */
export async function probeCdp(cdpUrl: string, timeoutMs = 1500): Promise<CdpProbe> {
  const u = new URL(cdpUrl);
  if (u.protocol === 'ws:' || u.protocol === 'wss:') {
    if (u.pathname && u.pathname !== '/') {
      try {
        await openWebSocket(cdpUrl, timeoutMs);
        return { http: true, ws: true, wsUrl: cdpUrl };
      } catch (err) {
        return { http: false, ws: false, wsUrl: cdpUrl, error: requestFailure(err) };
      }
    }
  }
  let version: CdpVersion;
  try {
    version = await fetchJson<CdpVersion>(`${httpBaseOf(cdpUrl)}/json/version`, timeoutMs);
  } catch (err) {
    return { http: false, ws: false, error: requestFailure(err) };
  }
  const wsUrl = version.webSocketDebuggerUrl;
  if (!wsUrl) return { http: true, ws: false, version, error: 'no webSocketDebuggerUrl in /json/version' };
  try {
    await openWebSocket(wsUrl, timeoutMs);
    return { http: true, ws: true, version, wsUrl };
  } catch (err) {
    return { http: true, ws: false, version, wsUrl, error: requestFailure(err) };
  }
}

export interface CdpTarget {
  id: string;
  type: string;
  title?: string;
  url?: string;
}

export async function listPages(cdpUrl: string, timeoutMs = 1500): Promise<CdpTarget[]> {
  const all = await fetchJson<CdpTarget[]>(`${httpBaseOf(cdpUrl)}/json/list`, timeoutMs);
  return all.filter((t) => t.type === 'page');
}
