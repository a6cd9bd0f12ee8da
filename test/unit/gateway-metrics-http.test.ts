// /metrics off loopback needs the same Bearer secret as /v1/models. A real HTTP server runs the
// gateway's handler on a Unix socket: its peers have no IP address, so they are not loopback, which
// a gateway on a loopback TCP port cannot be shown.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { handleHttp } from '../../src/gateway/http.js';
import { GatewayMetrics } from '../../src/gateway/metrics.js';
import type { GatewaySettings } from '../../src/gateway/runtime.js';
import { bareRuntime } from '../helpers/gateway-runtime.js';
import { parseExposition } from '../helpers/prometheus.js';

const dirs: string[] = [];
const servers: http.Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const TOKEN = 'metrics-test-token-0123456789';

async function serve(settings: Partial<GatewaySettings>): Promise<string> {
  const { rt, dir } = bareRuntime({ host: '0.0.0.0', bind: 'lan', token: TOKEN, ...settings }, { version: '9.9.9', metrics: new GatewayMetrics() });
  dirs.push(dir);
  const socket = path.join(dir, 'gw.sock');
  const server = http.createServer((req, res) => handleHttp(rt, req, res));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return socket;
}

function get(socket: string, urlPath: string, authorization?: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ socketPath: socket, path: urlPath, headers: authorization ? { authorization } : {}, timeout: 5000 }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
  });
}

describe('/metrics from a non-loopback peer', () => {
  it('answers 401 like /v1/models without the secret or with a wrong one, and the metrics with it', async () => {
    const socket = await serve({});
    for (const route of ['/metrics', '/v1/models']) {
      const none = await get(socket, route);
      expect(none.status, route).toBe(401);
      expect(none.headers['www-authenticate']).toBe('Bearer');
      expect((await get(socket, route, 'Bearer wrong-token')).status, route).toBe(401);
      expect((await get(socket, route, `Bearer ${TOKEN}`)).status, route).toBe(200);
    }
    const ok = await get(socket, '/metrics', `Bearer ${TOKEN}`);
    expect(ok.body).not.toContain(TOKEN);
    expect(parseExposition(ok.body).value('openclaw_gateway_info', { version: '9.9.9' })).toBe(1);
  });

  it('password mode takes the password as the Bearer secret', async () => {
    const socket = await serve({ authMode: 'password', token: undefined, password: TOKEN });
    expect((await get(socket, '/metrics')).status).toBe(401);
    expect((await get(socket, '/metrics', `Bearer ${TOKEN}`)).status).toBe(200);
  });
});
