// The remote probe against real listeners: a wss:// endpoint with a self-signed certificate (made
// by openssl for this test) is a TLS failure, not "unreachable"; URLs it must not probe are refused
// before any connection, and credentials inside a URL are never echoed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { probeRemote } from '../../src/client/remote-probe.js';
import { loadChecks } from '../../src/engine/loader.js';
import { runChecks } from '../../src/engine/runner.js';
import type { Facts } from '../../src/facts/types.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-remote-probe-'));
let server: https.Server;
let port = 0;

beforeAll(async () => {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore', timeout: 20_000 });
  server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) });
  new WebSocketServer({ server });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
}, 30_000);
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

const remoteChecks = (await loadChecks()).filter((c) => c.meta.area === 'remote');

describe('probeRemote', () => {
  it('a self-signed certificate is remote/tls, with Node’s reason', async () => {
    const p = await probeRemote({ url: `wss://127.0.0.1:${port}`, token: 'tls-test-token-123' }, { timeoutMs: 3000 });
    expect(p).toMatchObject({ scheme: 'wss', loopback: true, withheld: false, connect: { ok: false, error: { kind: 'error' } } });
    const findings = runChecks(remoteChecks, { remote: { ok: true, value: p } } as Facts);
    expect(findings.map((f) => f.checkId)).toEqual(['remote/tls']);
    expect(findings[0].message).toMatch(/self[- ]signed certificate/i);
  });

  it('refuses what it must not probe, without connecting or echoing a secret', async () => {
    const http = await probeRemote({ url: 'http://127.0.0.1:1' }, { timeoutMs: 1000 });
    expect(http.invalid).toContain('not ws: or wss:');
    const creds = await probeRemote({ url: 'wss://admin:hunter2-secret@gw.example.com' }, { timeoutMs: 1000 });
    expect(creds.invalid).toContain('credentials inside the URL are not accepted');
    expect(JSON.stringify(creds)).not.toContain('hunter2-secret');
    expect(creds.url).toBe('wss://***@gw.example.com/');
    expect(creds.durationMs).toBe(0);
  });
});
