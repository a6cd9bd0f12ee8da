// The client commands against a real gateway: gateway status/probe/stop/restart, health, status,
// logs, devices, pairing — JSON shapes, exit codes, and a refused connection reported in milliseconds.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeGateway } from '../../src/client/probe.js';
import { cleanup, cli, handshake, makeState, newDevice, newToken, startGateway, waitFor, type RunningGateway } from './gateway-harness.js';

const token = newToken();
let gw: RunningGateway;
let dir: string;
let port: number;
const ORIGIN = 'https://ui.example.test';

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const p = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return p;
}

beforeAll(async () => {
  port = await freePort();
  dir = makeState({ gateway: { mode: 'local', port, auth: { mode: 'token', token }, controlUi: { allowedOrigins: [ORIGIN] } } });
  gw = await startGateway(dir, []);
});
afterAll(async () => {
  await gw?.stop();
  await cleanup();
});

const json = (args: string[]) => {
  const r = cli(dir, args);
  return { ...r, body: JSON.parse(r.stdout || 'null') };
};

describe('gateway probe / status', () => {
  it('gateway probe --json has the documented shape', () => {
    const r = json(['gateway', 'probe', '--json']);
    expect(r.code).toBe(0);
    expect(r.body).toMatchObject({ ok: true, url: `ws://127.0.0.1:${port}`, durationMs: expect.any(Number), connect: { ok: true, rpcOk: true, latencyMs: expect.any(Number), protocol: 4 }, warnings: [] });
    expect(r.body.health.ok).toBe(true);
    expect(r.body.status.gateway.port).toBe(port);
    expect(r.body.config.config.gateway.auth.token).toBe('***');
  });

  it('gateway probe with a wrong --token reports the auth failure and exits 1', () => {
    const other = makeState();
    const r = cli(other, ['gateway', 'probe', '--json', '--url', gw.url, '--token', 'wrong-token-xyz']);
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout);
    expect(body.ok).toBe(false);
    expect(body.connect).toMatchObject({ ok: false, rpcOk: false, error: { kind: 'auth', code: 'AUTH_TOKEN_MISMATCH' }, details: { code: 'AUTH_TOKEN_MISMATCH' } });
    expect(r.stdout).not.toContain('wrong-token-xyz');
  });

  it('gateway status: running with the lock pid, RPC ok, port and bind with their sources', () => {
    const r = json(['gateway', 'status', '--json']);
    expect(r.code).toBe(0);
    expect(r.body.runtime).toMatchObject({ status: 'running', pid: gw.proc.pid });
    expect(r.body.rpc.ok).toBe(true);
    expect(r.body.port).toEqual({ value: port, source: 'config gateway.port' });
    expect(r.body.bind).toEqual({ value: 'loopback', source: 'default' });
    const human = cli(dir, ['gateway', 'status']);
    expect(human.stdout).toContain(`Runtime: running (pid ${gw.proc.pid})`);
    expect(human.stdout).toContain('RPC probe: ok');
  });

  it('gateway status --deep lists the listener', () => {
    const r = json(['gateway', 'status', '--deep', '--json']);
    expect(r.body.listeners.some((l: any) => l.pid === gw.proc.pid)).toBe(true);
    expect(r.body.status.pid).toBe(gw.proc.pid);
  });

  it('refused is reported in milliseconds, as a typed result', async () => {
    const p = await freePort();
    const t = Date.now();
    const r = await probeGateway({ url: `ws://127.0.0.1:${p}`, timeoutMs: 10_000 });
    expect(Date.now() - t).toBeLessThan(500);
    expect(r).toMatchObject({ ok: false, connect: { ok: false, rpcOk: false, error: { kind: 'refused' } } });
  });

  it('gateway status of a stopped gateway: stopped, RPC failed, --require-rpc exits 1', async () => {
    const p = await freePort();
    const other = makeState({ gateway: { mode: 'local', port: p, auth: { token: newToken() } } });
    const r = cli(other, ['gateway', 'status', '--json', '--require-rpc']);
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout);
    expect(body.runtime.status).toBe('stopped');
    expect(body.rpc.error.kind).toBe('refused');
    expect(cli(other, ['gateway', 'status', '--json']).code).toBe(0);
    expect(cli(other, ['gateway', 'probe']).code).toBe(1);
  });
});

describe('health, status, logs', () => {
  it('health --json and status --json / --deep', () => {
    expect(json(['health', '--json']).body).toMatchObject({ ok: true, pid: gw.proc.pid });
    expect(json(['status', '--json']).body).toMatchObject({ pid: gw.proc.pid, gateway: { port, authMode: 'token' } });
    const deep = json(['status', '--deep', '--json']).body;
    expect(Object.keys(deep)).toEqual(['status', 'health', 'system-presence']);
    expect(cli(dir, ['health']).stdout).toContain('Gateway: healthy');
  });

  it('health against nothing fails with a clear message and exit 1', async () => {
    const r = cli(dir, ['health', '--url', `ws://127.0.0.1:${await freePort()}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('connection refused');
  });

  it('logs reads the gateway log: default, --plain, --json, --limit, and via --rpc', () => {
    const plain = cli(dir, ['logs', '--plain', '--limit', '500']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('listening on ws://127.0.0.1:');
    const lines = cli(dir, ['logs', '--json', '--limit', '3']).stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(JSON.parse(l)).toMatchObject({ level: expect.any(String), subsystem: expect.any(String), message: expect.any(String) });
    const viaRpc = cli(dir, ['logs', '--rpc', '--plain', '--limit', '500']);
    expect(viaRpc.code).toBe(0);
    expect(viaRpc.stdout).toContain('listening on ws://');
    const human = cli(dir, ['logs', '--limit', '1']);
    expect(human.stdout).toMatch(/^\d{4}-\d\d-\d\dT\S+ (info|warn|debug|error)\s+gateway/);
  });

  it('logs --follow prints new lines as they come', async () => {
    const { spawn } = await import('node:child_process');
    const { envFor, CLI } = await import('./gateway-harness.js');
    const child = spawn(process.execPath, [CLI, 'logs', '--follow', '--plain', '--limit', '1', '--interval', '100'], { env: envFor(dir) });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    await new Promise((r) => setTimeout(r, 400));
    cli(dir, ['health']); // makes the gateway log a connect line
    await waitFor(() => out.includes('connected conn='), 5000, 'followed line');
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
  });
});

describe('devices and pairing', () => {
  it('list, approve, reject, rotate, revoke, remove through the CLI', async () => {
    const ui = newDevice();
    const spec = { token, device: ui, clientId: 'openclaw-control-ui', mode: 'ui', scopes: ['operator.read'] };
    const first = await handshake(gw.url, spec, { origin: ORIGIN });
    const requestId = first.res.error.details.requestId;
    const list = json(['devices', 'list', '--json']).body;
    expect(list.pending.map((p: any) => p.requestId)).toContain(requestId);
    expect(JSON.stringify(list)).not.toMatch(/"token":/);
    expect(cli(dir, ['pairing', 'list']).stdout).toContain(requestId);
    const approved = cli(dir, ['pairing', 'approve', requestId]);
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain(`Approved ${requestId}`);
    const ok = await handshake(gw.url, spec, { origin: ORIGIN });
    expect(ok.res.ok).toBe(true);
    ok.sock.ws.close();

    const d2 = newDevice();
    const second = await handshake(gw.url, { ...spec, device: d2 }, { origin: ORIGIN });
    const rid = second.res.error.details.requestId;
    expect(cli(dir, ['devices', 'reject', rid]).code).toBe(0);
    expect(json(['devices', 'list', '--json']).body.pending.map((p: any) => p.requestId)).not.toContain(rid);

    expect(json(['devices', 'rotate', ui.id, '--json']).body).toMatchObject({ deviceId: ui.id, role: 'operator' });
    expect(cli(dir, ['devices', 'revoke', ui.id]).stdout).toContain('Revoked the operator token');
    expect(cli(dir, ['devices', 'remove', ui.id]).code).toBe(0);
    expect(json(['devices', 'list', '--json']).body.paired.map((p: any) => p.deviceId)).not.toContain(ui.id);
    const unknown = cli(dir, ['devices', 'approve', 'no-such-request']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown requestId');
  });
});

describe('stop and restart', () => {
  it('restart replaces the process; stop ends it and releases the lock', async () => {
    const p = await freePort();
    const own = makeState({ gateway: { mode: 'local', port: p, auth: { token: newToken() } } });
    const g = await startGateway(own, []);
    const rr = cli(own, ['gateway', 'restart', '--json']);
    if (rr.code !== 0) throw new Error(rr.stdout + rr.stderr + rr.ms);
    const r = JSON.parse(rr.stdout);
    expect(r.ok).toBe(true);
    expect(r.oldPid).toBe(g.proc.pid);
    expect(await g.exited).toBe(0);
    await waitFor(() => cli(own, ['gateway', 'probe']).code === 0, 8000, 'restarted gateway answers');
    const stop = json2(own, ['gateway', 'stop', '--json']);
    expect(stop).toMatchObject({ ok: true, stopped: true, pid: r.pid, signal: 'SIGTERM' });
    expect(json2(own, ['gateway', 'status', '--json']).runtime.status).toBe('stopped');
    expect(cli(own, ['gateway', 'stop']).stdout).toContain('Gateway is not running');
  });
});

function json2(stateDir: string, args: string[]) {
  return JSON.parse(cli(stateDir, args).stdout);
}
