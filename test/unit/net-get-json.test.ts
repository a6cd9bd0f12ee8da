// getJson: a whole-exchange deadline and the socket's own error codes, on a real loopback server.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, requestFailure } from '../../src/net/get-json.js';

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/json/version') return void res.end(JSON.stringify({ Browser: 'Test/1.0' }));
    if (req.url === '/garbage') return void res.end('{"cut');
    if (req.url === '/slow') return void setTimeout(() => res.end('{}'), 2000).unref();
    res.statusCode = 404;
    res.end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('getJson', () => {
  it('parses a 2xx body and reports other statuses without a body', async () => {
    expect(await getJson(`${base}/json/version`, 1000)).toEqual({ status: 200, ok: true, body: { Browser: 'Test/1.0' } });
    expect(await getJson(`${base}/nope`, 1000)).toEqual({ status: 404, ok: false, body: undefined });
  });

  it('rejects a body that is not JSON', async () => {
    await expect(getJson(`${base}/garbage`, 1000)).rejects.toThrow(SyntaxError);
  });

  it('gives up at the deadline with a TimeoutError', async () => {
    const started = Date.now();
    const err = await getJson(`${base}/slow`, 150).catch((e: Error) => e);
    expect(requestFailure(err)).toBe('timed out');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('names a refused connection by its code', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect(requestFailure(await getJson(`http://127.0.0.1:${port}/json/version`, 1000).catch((e: Error) => e))).toBe('ECONNREFUSED');
  });
});
