// The cheapest proof that a listener is an OpenClaw gateway: on a WebSocket upgrade it sends the
// `connect.challenge` event first, before any credentials (reference: protocol). A web server, a
// tunnel to nowhere or a hung process does not.
const DEFAULT_TIMEOUT_MS = 1500;

/** True when ws://host:port sends a `connect.challenge` event within the timeout. Never throws. */
export async function answersChallenge(host: string, port: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<boolean> {
  const { default: WebSocket } = await import('ws');
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const h = bare === '0.0.0.0' || bare === '::' || bare === '' || bare === '*' ? '127.0.0.1' : bare;
  const url = `ws://${h.includes(':') ? `[${h}]` : h}:${port}`;
  return new Promise((resolve) => {
    let ws: InstanceType<typeof WebSocket> | undefined;
    const done = (ok: boolean) => {
      clearTimeout(timer);
      ws?.removeAllListeners();
      ws?.on('error', () => undefined);
      ws?.terminate();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    try {
      ws = new WebSocket(url, { handshakeTimeout: timeoutMs, perMessageDeflate: false, maxPayload: 64 * 1024 });
    } catch {
      done(false);
      return;
    }
    ws.on('error', () => done(false));
    ws.on('unexpected-response', () => done(false));
    ws.on('close', () => done(false));
    ws.on('message', (data) => {
      try {
        const frame = JSON.parse(String(data));
        done(frame?.type === 'event' && frame.event === 'connect.challenge');
      } catch {
        done(false);
      }
    });
  });
}
