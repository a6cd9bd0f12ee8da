import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { configProblems, findProfile, pluginGate, resolveProfiles, validateCdpUrl } from '../../src/subsystems/browser/config.js';
import { probeCdp } from '../../src/subsystems/browser/cdp.js';
import { profileStatus, startProfile } from '../../src/subsystems/browser/service.js';
import { collectBrowserFact } from '../../src/facts/browser.js';
import { memoryLog } from '../../src/subsystems/log.js';
import type { LaunchedBrowser } from '../../src/subsystems/browser/launch.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A real CDP-shaped endpoint on 127.0.0.1:0: /json/version, /json/list and a WebSocket (optionally broken). */
async function fakeCdp(opts: { pages?: number; brokenWs?: boolean } = {}) {
  const server = http.createServer((req, res) => {
    const port = (server.address() as AddressInfo).port;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/json/version') res.end(JSON.stringify({ Browser: 'FakeChrome/1.0', webSocketDebuggerUrl: `ws://127.0.0.1:${port}/devtools/browser/x` }));
    else if (req.url === '/json/list') res.end(JSON.stringify(Array.from({ length: opts.pages ?? 1 }, (_, i) => ({ id: `p${i}`, type: 'page', url: 'about:blank' }))));
    else res.writeHead(404).end();
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (opts.brokenWs) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => ws.close());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise((r) => { wss.close(); server.closeAllConnections(); server.close(r); }));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function stateDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-br-'));
  cleanups.push(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

describe('browser config', () => {
  it('reports bad schemes and ports with upstream wording', () => {
    expect(() => validateCdpUrl('ftp://127.0.0.1:9222')).toThrow('browser.cdpUrl must be http(s) or ws(s), got: ftp:');
    expect(() => validateCdpUrl('file:///tmp/x')).toThrow('browser.cdpUrl must be http(s) or ws(s), got: file:');
    expect(() => validateCdpUrl('http://127.0.0.1:70000')).toThrow('browser.cdpUrl has invalid port: 70000');
    expect(() => validateCdpUrl('ws://127.0.0.1:0/devtools')).toThrow('browser.cdpUrl has invalid port: 0');
    expect(validateCdpUrl('wss://chrome.example:443/x').host).toBe('chrome.example');
  });
  it('gates on plugins.allow and lists config problems', () => {
    expect(pluginGate({ plugins: { allow: ['memory'] } })).toMatchObject({ allowed: false });
    expect(pluginGate({ plugins: { allow: ['browser'] } })).toEqual({ allowed: true });
    expect(pluginGate({})).toEqual({ allowed: true });
    const problems = configProblems({ browser: { executablePath: '/nope/chrome', profiles: { x: { cdpUrl: 'ftp://h:1' } } } }).map((e) => e.message);
    expect(problems).toEqual(['browser.cdpUrl must be http(s) or ws(s), got: ftp:', 'browser.executablePath not found: /nope/chrome']);
  });
  it('classifies profiles', () => {
    const ps = resolveProfiles({ browser: { profiles: { far: { cdpUrl: 'http://10.1.2.3:9222' }, near: { cdpUrl: 'http://127.0.0.1:9333', attachOnly: true } } } });
    expect(ps.map((p) => `${p.name}:${p.kind}`)).toEqual(['openclaw:managed', 'user:existing-session', 'far:remote', 'near:attach']);
    expect(() => findProfile({}, 'ghost')).toThrow(/unknown browser profile "ghost"/);
  });
});

describe('CDP probes against a real endpoint', () => {
  it('reaches a healthy endpoint and tells a dead WebSocket apart', async () => {
    expect(await probeCdp(await fakeCdp(), 1000)).toMatchObject({ http: true, ws: true, version: { Browser: 'FakeChrome/1.0' } });
    expect(await probeCdp(await fakeCdp({ brokenWs: true }), 1000)).toMatchObject({ http: true, ws: false });
    expect(await probeCdp('http://127.0.0.1:1', 500)).toMatchObject({ http: false, ws: false });
  });

  it('reports attach-only, remote, websocket and tab problems with upstream strings', async () => {
    const dir = stateDir();
    const ctx = (browser: Record<string, unknown>) => ({ stateDir: dir, config: { browser }, log: memoryLog(), probeTimeoutMs: 400 });
    const near = await profileStatus(ctx({ profiles: { near: { cdpUrl: 'http://127.0.0.1:1', attachOnly: true } } }), 'near');
    expect(near.error?.message).toBe('Browser attachOnly is enabled and profile "near" is not running.');
    const far = await profileStatus(ctx({ profiles: { far: { cdpUrl: 'http://192.0.2.1:9222' } } }), 'far');
    expect(far.error?.message).toBe('Remote CDP for profile "far" is not reachable at http://192.0.2.1:9222.');
    const broken = await fakeCdp({ brokenWs: true });
    const ws = await profileStatus(ctx({ profiles: { near: { cdpUrl: broken, attachOnly: true } } }), 'near');
    expect(ws.error?.message).toBe('Browser attachOnly is enabled and CDP websocket for profile "near" is not reachable.');
    const empty = await fakeCdp({ pages: 0 });
    expect((await profileStatus(ctx({ profiles: { user: { cdpUrl: empty } } }), 'user')).error?.message).toBe('No Chrome tabs found for profile="user"');
    const good = await fakeCdp({ pages: 2 });
    expect(await profileStatus(ctx({ profiles: { user: { cdpUrl: good } } }), 'user')).toMatchObject({ running: true, tabs: 2, cdp: 'ok' });
    const log = memoryLog();
    await expect(startProfile({ ...ctx({ profiles: { near: { cdpUrl: 'http://127.0.0.1:1', attachOnly: true } } }), log }, 'near')).rejects.toThrow('Browser attachOnly is enabled and profile "near" is not running.');
    expect(log.lines()).toEqual(['Browser attachOnly is enabled and profile "near" is not running.']);
  });

  it('the fact carries the gate, config problems and per-profile probes', async () => {
    const dir = stateDir();
    const excluded = await collectBrowserFact({ stateDir: dir, config: { plugins: { allow: ['x'] } } });
    expect(excluded.ok && excluded.value.plugin).toMatchObject({ allowed: false });
    const f = await collectBrowserFact({ stateDir: dir, config: { browser: { profiles: { user: { cdpUrl: 'http://127.0.0.1:1' } } } }, probeTimeoutMs: 300 });
    expect(f.ok && f.value.profiles.find((p) => p.profile === 'user')?.error?.code).toBe('attach-only-not-running');
    expect(f.ok && f.value.profiles.find((p) => p.profile === 'openclaw')?.cdp).toBe('not-started');
  });
});

describe('browser RPC methods', () => {
  it('return upstream errors with codes and every subsystem method has a unique name', async () => {
    const { subsystemRpcMethods } = await import('../../src/subsystems/rpc.js');
    const { callRpc } = await import('../../src/protocol/rpc.js');
    const names = subsystemRpcMethods.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['cron.status', 'cron.list', 'cron.runs', 'cron.add', 'cron.remove', 'cron.run', 'last-heartbeat', 'channels.status', 'node.list', 'node.describe', 'node.invoke', 'exec.approvals.get', 'browser.status']));
    const status = subsystemRpcMethods.find((m) => m.name === 'browser.status')!;
    const ctx = { stateDir: stateDir(), config: { browser: { attachOnly: true, cdpUrl: 'ftp://x:1' } }, log: memoryLog() };
    await expect(callRpc(status, {}, ctx)).rejects.toMatchObject({ code: 'INVALID_REQUEST', message: 'browser.cdpUrl must be http(s) or ws(s), got: ftp:', details: { code: 'cdp-url-invalid' } });
    const start = subsystemRpcMethods.find((m) => m.name === 'browser.start')!;
    await expect(callRpc(start, {}, { ...ctx, config: { browser: { attachOnly: true, cdpUrl: 'http://127.0.0.1:1' } } })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: 'Browser attachOnly is enabled and profile "openclaw" is not running.',
    });
  });
});

describe('which browser process is ours', () => {
  const spawned: import('node:child_process').ChildProcess[] = [];
  afterEach(() => {
    for (const p of spawned.splice(0)) p.kill('SIGKILL');
  });

  it('only a live process whose command line names our user-data-dir, never a reused pid', async () => {
    const { spawn } = await import('node:child_process');
    const { isOurBrowser } = await import('../../src/subsystems/browser/launch.js');
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-browser-ours-'));
    const keep = 'setTimeout(() => {}, 60000)';
    const ours = spawn(process.execPath, ['-e', keep, '--', `--user-data-dir=${userDataDir}`], { stdio: 'ignore' });
    const stranger = spawn(process.execPath, ['-e', keep], { stdio: 'ignore' }); // the pid a crash left in our state file, reused
    spawned.push(ours, stranger);
    await new Promise((r) => setTimeout(r, 200));
    const launched = (pid: number): LaunchedBrowser => ({ profile: 'openclaw', pid, port: 9222, cdpUrl: 'http://127.0.0.1:9222', userDataDir, executablePath: '/usr/bin/chromium', startedAt: Date.now() });
    expect(isOurBrowser(launched(ours.pid!))).toBe(true);
    expect(isOurBrowser(launched(stranger.pid!))).toBe(false);
    stranger.kill('SIGKILL');
    await new Promise((r) => stranger.once('exit', r));
    expect(isOurBrowser(launched(stranger.pid!))).toBe(false);
    fs.rmSync(userDataDir, { recursive: true, force: true });
  });
});
