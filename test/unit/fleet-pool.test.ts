// The --targets pool is bounded: against a real WebSocket listener that counts the connections open
// at once, twelve targets at --concurrency 3 never hold more than three targets' handshakes (two
// each: the operator's and the browser's), yet do run side by side; and the report keeps the order.
// A listener that never answers costs one --timeout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { resolvePaths } from '../../src/config/paths.js';
import { loadChecks } from '../../src/engine/loader.js';
import { runFleet } from '../../src/engine/remote.js';

const HOLD_MS = 300;
let server: WebSocketServer;
let open = 0;
let peak = 0;
let port = 0;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-fleet-pool-'));

beforeAll(async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => server.once('listening', r));
  port = (server.address() as { port: number }).port;
  // Sends no challenge: each handshake stays open HOLD_MS, then the socket is closed.
  server.on('connection', (ws, req) => {
    if (req.url === '/silent') return; // never answers, never closes
    open++;
    peak = Math.max(peak, open);
    const t = setTimeout(() => ws.close(1011, 'test'), HOLD_MS);
    ws.on('close', () => {
      clearTimeout(t);
      open--;
    });
  });
});
afterAll(async () => {
  for (const c of server.clients) c.terminate();
  await new Promise((r) => server.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('runFleet', () => {
  it('holds at most --concurrency targets at once, and reports them in file order', async () => {
    const env = { OPENCLAW_STATE_DIR: path.join(dir, 'state'), HOME: dir };
    const targets = Array.from({ length: 12 }, (_, i) => ({ name: `t${i}`, url: `ws://127.0.0.1:${port}/${i}`, labels: {} }));
    const { report } = await runFleet(targets, { checks: await loadChecks(), paths: resolvePaths({ env }), env, timeoutMs: 5000, concurrency: 3 });
    expect(report.targets.map((t) => t.name)).toEqual(targets.map((t) => t.name));
    expect(report.targets.every((t) => !t.ok && t.findings[0]?.checkId === 'remote/reachable')).toBe(true);
    expect(report).toMatchObject({ ok: false, targetsTotal: 12, targetsOk: 0, concurrency: 3 });
    expect(peak).toBeLessThanOrEqual(3 * 2);
    expect(peak).toBeGreaterThan(2); // more than one target at a time
  });

  it('a gateway that never answers costs one --timeout, not a hang', async () => {
    const env = { OPENCLAW_STATE_DIR: path.join(dir, 'state'), HOME: dir };
    const started = Date.now();
    const { report } = await runFleet([{ name: 'silent', url: `ws://127.0.0.1:${port}/silent`, labels: {} }], { checks: await loadChecks(), paths: resolvePaths({ env }), env, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(report.targets[0].findings).toMatchObject([{ checkId: 'remote/reachable', details: { kind: 'timeout' } }]);
  });
});
