import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { collectCdp } from '../../src/facts/cdp.js';
import { configFactFromText } from '../../src/facts/config.js';
import { collectLogs, parseLogLine } from '../../src/facts/logs.js';
import { collectPorts } from '../../src/facts/ports.js';
import { collectFact, createContext } from '../../src/facts/collect.js';
import { resolvePaths } from '../../src/config/paths.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function listen(server: net.Server | http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
}
const close = (s: net.Server) => new Promise<void>((r) => s.close(() => r()));

async function freePort(): Promise<number> {
  const s = net.createServer();
  const port = await listen(s);
  await close(s);
  return port;
}

describe('config fact', () => {
  it('records the source of every setting and the effective gateway settings', () => {
    const f = configFactFromText('/x/openclaw.json', '{ gateway: { mode: "local", port: 19000, auth: { token: "s3cr3t-token" } } }', { OPENCLAW_GATEWAY_PORT: '127.0.0.1:19555' });
    expect(f.settings['gateway.port']).toEqual({ value: 19000, source: 'config gateway.port' });
    expect(f.settings['gateway.auth.token']).toEqual({ value: '***', source: 'config gateway.auth.token' });
    expect(f.effective.port).toEqual({ value: 19555, source: 'env OPENCLAW_GATEWAY_PORT' });
    expect(f.effective['auth.mode']).toEqual({ value: 'token', source: 'default' });
  });

  it('reports a parse error with line and column', () => {
    const f = configFactFromText('/x/openclaw.json', '{\n  gateway: {\n    mode: "local"\n    port: 1,\n  },\n}\n', {});
    expect(f.error).toMatchObject({ code: 'parse', line: 4, column: 5, excerpt: '    port: 1,' });
    expect(f.raw).toBeUndefined();
  });

  it('tells token drift between env and config without keeping the env secret', () => {
    const f = configFactFromText('/x/c.json', '{ gateway: { auth: { token: "a-config-token" } } }', { OPENCLAW_GATEWAY_TOKEN: 'an-env-token' });
    expect(f.env).toMatchObject({ tokenSet: true, tokenMatchesConfig: false });
    expect(JSON.stringify(f)).not.toContain('an-env-token');
  });
});

describe('logs fact', () => {
  it('reads upstream JSON lines and plain lines, and scrubs secrets', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doctor-logs-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.mkdirSync(path.join(dir, 'logs'));
    const json = { 0: 'connect failed', 1: { code: 'AUTH_TOKEN_MISMATCH' }, _meta: { logLevelName: 'WARN', date: '2026-11-21T10:00:00Z', name: '{"subsystem":"gateway/ws"}' }, time: '2026-11-21T10:00:00Z' };
    fs.writeFileSync(path.join(dir, 'logs', 'openclaw-2026-11-21.log'), `${JSON.stringify(json)}\nplain line with token=abcdef123456 and the-secret-token-value\n`);
    const fact = collectLogs({ stateDir: dir }, new Set(['the-secret-token-value']));
    expect(fact.lines[0]).toMatchObject({ line: 1, level: 'WARN', subsystem: 'gateway/ws', text: 'connect failed {"code":"AUTH_TOKEN_MISMATCH"}' });
    expect(fact.lines[1].text).toBe('plain line with token=*** and ***');
  });

  it('keeps plain text that merely starts with a brace', () => {
    expect(parseLogLine('f', '{not json').text).toBe('{not json');
  });
});

describe('gateway and port probes', () => {
  it('nothing listening costs milliseconds', async () => {
    const port = await freePort();
    // The default prober is the real gateway client; a refused connect must not wait for the budget.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-facts-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.writeFileSync(path.join(dir, 'openclaw.json'), JSON.stringify({ gateway: { mode: 'local', port } }));
    const env = { OPENCLAW_STATE_DIR: dir, HOME: dir };
    const ctx = createContext({ paths: resolvePaths({ env }), env, timeoutMs: 1500 });
    const g = await collectFact(ctx, 'gateway');
    expect(g.ok && g.value.connect.error?.kind).toBe('refused');
    expect(g.ok && g.value.durationMs).toBeLessThan(200); // the probe itself, not vitest's first import of ws
    const p = await collectPorts(port, '127.0.0.1', { timeoutMs: 1500, gatewayAnswered: async () => false });
    expect(p).toMatchObject({ listening: false, holders: [] });
  });

  it('names the pid and command line of a real listener', async () => {
    const server = net.createServer();
    const port = await listen(server);
    cleanups.push(() => close(server));
    const p = await collectPorts(port, '127.0.0.1', { timeoutMs: 1500, gatewayAnswered: async () => false });
    expect(p.listening).toBe(true);
    if (p.lookup === 'unavailable') return; // neither ss nor lsof on this machine
    expect(p.holders).toEqual([expect.objectContaining({ port, pid: process.pid, command: expect.stringContaining('node') })]);
  });
});

describe('CDP probe', () => {
  it('GETs /json/version, then opens the WebSocket it names', async () => {
    const server = http.createServer();
    const wss = new WebSocketServer({ server });
    let opened = 0;
    wss.on('connection', () => opened++);
    const port = await listen(server);
    server.on('request', (_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ Browser: 'Chrome/131.0.0.0', webSocketDebuggerUrl: `ws://127.0.0.1:${port}/devtools/browser/abc` }));
    });
    cleanups.push(() => new Promise<void>((r) => (wss.close(), server.close(() => r()))));
    const r = await collectCdp(`http://127.0.0.1:${port}`, 1000);
    expect(r).toMatchObject({ probed: true, httpOk: true, browser: 'Chrome/131.0.0.0', wsOk: true });
    expect(opened).toBe(1);
  });

  it('reports an unreachable endpoint quickly', async () => {
    const port = await freePort();
    const started = Date.now();
    const r = await collectCdp(`http://127.0.0.1:${port}`, 800);
    expect(r).toMatchObject({ probed: true, httpOk: false, error: expect.stringContaining('ECONNREFUSED') });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('does not probe when no cdpUrl is configured or it is invalid', async () => {
    expect(await collectCdp(undefined, 100)).toEqual({ probed: false });
    expect(await collectCdp('ftp://x', 100)).toEqual({ url: 'ftp://x', probed: false });
  });
});

describe('log signatures', () => {
  it('matches the tail of our and upstream logs against the catalog, keeping file and line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-logsig-'));
    const upstream = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-upstream-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }), () => fs.rmSync(upstream, { recursive: true, force: true }));
    fs.mkdirSync(path.join(dir, 'logs'));
    fs.writeFileSync(path.join(dir, 'logs', 'gateway.err.log'), 'starting\nGateway failed to start: another gateway instance is already listening on ws://127.0.0.1:18789\n');
    fs.writeFileSync(path.join(upstream, 'openclaw-2026-11-21.log'), `${JSON.stringify({ 0: 'Gateway start blocked: set gateway.mode=local (current: unset) or pass --allow-unconfigured.', _meta: { logLevelName: 'ERROR' } })}\n`);
    const env = { OPENCLAW_STATE_DIR: dir, HOME: dir };
    const ctx = createContext({ paths: resolvePaths({ env }), env, timeoutMs: 5000, upstreamLogDir: upstream });
    const f = await collectFact(ctx, 'logSignatures');
    expect(f.ok).toBe(true);
    const matches = f.ok ? f.value.matches : [];
    expect(matches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ cause: 'port-conflict', check: 'gateway/port-conflict', line: expect.objectContaining({ file: path.join(dir, 'logs', 'gateway.err.log'), line: 2 }) }),
        expect.objectContaining({ cause: 'mode-unset', line: expect.objectContaining({ file: path.join(upstream, 'openclaw-2026-11-21.log'), line: 1 }) }),
      ]),
    );
  });
});
