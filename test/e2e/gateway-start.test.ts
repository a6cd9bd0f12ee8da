// The gateway process: start guards, lock, port conflicts, --force, token bootstrap, HTTP, reload, shutdown.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockPathFor } from '../../src/system/gateway-lock.js';
import { cleanup, handshake, logText, makeState, newToken, readJsonFile, rpc, runGatewayOnce, startGateway, trackSecret, waitFor } from './gateway-harness.js';

afterAll(cleanup);

const local = (extra: object = {}) => ({ gateway: { mode: 'local', auth: { mode: 'token', token: newToken() }, ...extra } });

describe('start guards (exit 78, upstream messages)', () => {
  it('refuses to start without a config file', () => {
    const dir = makeState();
    const r = runGatewayOnce(dir, ['--port', '0']);
    expect(r.code).toBe(78);
    expect(r.stderr).toContain('Missing config. Run `openclaw setup` or set gateway.mode=local (or pass --allow-unconfigured).');
    expect(logText(dir)).toContain('Missing config.');
  });

  it('refuses when gateway.mode is unset', () => {
    const dir = makeState({ gateway: { port: 18789 } });
    const r = runGatewayOnce(dir, ['--port', '0']);
    expect(r.code).toBe(78);
    expect(r.stderr).toContain('Gateway start blocked: existing config is missing gateway.mode.');
  });

  it('refuses when gateway.mode is not local', () => {
    const dir = makeState({ gateway: { mode: 'remote' } });
    const r = runGatewayOnce(dir, ['--port', '0']);
    expect(r.code).toBe(78);
    expect(r.stderr).toContain('Gateway start blocked: set gateway.mode=local (current: remote) or pass --allow-unconfigured.');
  });

  it('says an unparseable config is unparseable, with file:line:col', () => {
    const dir = makeState('{\n  gateway: { mode: "local", }\n  oops\n}\n');
    const r = runGatewayOnce(dir, ['--port', '0']);
    expect(r.code).toBe(78);
    expect(r.stderr).toContain('Gateway start blocked: config is unparseable:');
    expect(r.stderr).toMatch(new RegExp(`${path.join(dir, 'openclaw.json').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3:\\d+`));
    expect(r.stderr).not.toContain('missing gateway.mode');
  });

  it('says what to type, as config validate does: the value found, the allowed ones, the key meant, the comma missing', () => {
    const invalid = runGatewayOnce(makeState({ gateway: { mode: 'local', prot: 18790, bind: 'public' } }), ['--port', '0']);
    expect(invalid.code).toBe(78);
    expect(invalid.stderr).toContain('gateway.bind: "public" is not allowed here; use one of: loopback, lan, tailnet, custom, auto');
    expect(invalid.stderr).toContain('gateway.prot: unknown key "prot"; did you mean "port"?');
    const comma = runGatewayOnce(makeState('{\n  "gateway": {\n    "mode": "local"\n    "port": 18790\n  }\n}\n'), ['--port', '0']);
    expect(comma.code).toBe(78);
    expect(comma.stderr).toContain('expected `,` or `}` after the value on line 3');
    expect(comma.stderr).toContain('insert the missing "," after the value on line 3');
  });

  it('refuses a non-loopback bind without auth', () => {
    const dir = makeState({ gateway: { mode: 'local', bind: 'lan', auth: { mode: 'none' } } });
    const r = runGatewayOnce(dir, ['--port', '0']);
    expect(r.code).toBe(78);
    expect(r.stderr).toContain('Refusing to bind gateway to lan without auth.');
  });

  it('refuses password mode without a password', () => {
    const dir = makeState({ gateway: { mode: 'local', auth: { mode: 'password' } } });
    const r = runGatewayOnce(dir, ['--port', '0']);
    expect(r.code).toBe(78);
    expect(r.stderr).toContain('Gateway auth is set to password, but no password is configured.');
  });

  it('refuses a config that fails validation', () => {
    const dir = makeState({ gateway: { mode: 'local', token: 'legacy-token-value' } });
    trackSecret('legacy-token-value');
    const r = runGatewayOnce(dir, ['--port', '0']);
    expect(r.code).toBe(78);
    expect(r.stderr).toContain('Invalid config at');
    expect(r.stderr).toContain('gateway.token');
  });

  it('--allow-unconfigured starts without a config', async () => {
    const dir = makeState();
    const gw = await startGateway(dir, ['--port', '0', '--allow-unconfigured']);
    await waitFor(() => gw.output().includes('generated a token for this run only'), 5000, 'log line');
    expect(await gw.stop()).toBe(0);
  });
});

describe('token bootstrap', () => {
  it('generates 48 hex, saves it through the config writer, never logs it', async () => {
    const dir = makeState({ gateway: { mode: 'local' } });
    const gw = await startGateway(dir);
    const cfg = readJsonFile(path.join(dir, 'openclaw.json'));
    const token = cfg.gateway.auth.token;
    trackSecret(token);
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    expect(fs.statSync(path.join(dir, 'openclaw.json')).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(dir, 'openclaw.json.bak'))).toBe(true);
    await waitFor(() => fs.existsSync(path.join(dir, 'openclaw.json.last-good')), 3000, 'last-known-good copy');
    await waitFor(() => gw.output().includes('Generated a new token and saved it to config (gateway.auth.token)'), 5000, 'log line');
    const { res, sock } = await handshake(gw.url, { token });
    expect(res.ok).toBe(true);
    sock.ws.close();
    await gw.stop();
  });
});

describe('single instance', () => {
  it('a second gateway on the same port names the pid and command holding it', async () => {
    const a = makeState(local());
    const gw = await startGateway(a);
    const b = makeState(local());
    const r = runGatewayOnce(b, ['--port', String(gw.port)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Gateway failed to start: another gateway instance is already listening on ws://127.0.0.1:${gw.port}`);
    expect(r.stderr).toContain(`EADDRINUSE) by pid ${gw.proc.pid}`);
    expect(r.stderr).toContain('gateway');
    expect(logText(b)).toContain('another gateway instance is already listening');
    await gw.stop();
  });

  it('a second gateway with the same config hits the lock', async () => {
    const a = makeState(local());
    const gw = await startGateway(a);
    const r = runGatewayOnce(a, ['--port', '0'], { OPENCLAW_GATEWAY_LOCK_TIMEOUT_MS: '300' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`gateway already running (pid ${gw.proc.pid}); lock timeout after 300ms`);
    await gw.stop();
  });

  it('--force stops the listener and says whom it stopped', async () => {
    const a = makeState(local());
    const first = await startGateway(a);
    const b = makeState(local());
    const second = await startGateway(b, ['--port', String(first.port), '--force']);
    expect(await first.exited).toBe(0);
    await waitFor(() => new RegExp(`force: stopped pid ${first.proc.pid} .* listening on port ${first.port} with SIG(TERM|KILL)`).test(second.output()), 5000, 'log line');
    await second.stop();
  });

  it('--force leaves a plain process alone: it names it, does not signal it, and the start fails on the taken port', async () => {
    const { startListener } = await import('../helpers/processes.js');
    const holder = await startListener();
    try {
      const dir = makeState(local());
      const r = runGatewayOnce(dir, ['--port', String(holder.port), '--force']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`EADDRINUSE) by pid ${holder.pid}`);
      expect(logText(dir)).toContain(`force: left pid ${holder.pid} (`);
      expect(logText(dir)).toContain('it is not an OpenClaw gateway');
      expect(holder.child.exitCode).toBeNull();
      expect(holder.child.signalCode).toBeNull();
    } finally {
      await holder.kill();
    }
  });

  it('clears a stale lock of a dead pid', async () => {
    const dir = makeState(local());
    const lock = lockPathFor(path.join(dir, 'openclaw.json'));
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    fs.writeFileSync(lock, JSON.stringify({ pid: 999_999_9, createdAt: new Date().toISOString(), configPath: path.join(dir, 'openclaw.json') }));
    const gw = await startGateway(dir);
    await waitFor(() => gw.output().includes('removed stale gateway lock'), 5000, 'log line');
    expect(readJsonFile(lock).pid).toBe(gw.proc.pid);
    expect(await gw.stop()).toBe(0);
    expect(fs.existsSync(lock) ? fs.readFileSync(lock, 'utf8') + gw.output() : 'gone').toBe('gone');
  });
});

describe('HTTP on the gateway port', () => {
  it('serves health, ready, models (Bearer) and 404/405', async () => {
    const cfg = local();
    (cfg as any).models = { providers: { local: { baseUrl: 'http://127.0.0.1:1', models: [{ id: 'tiny' }] } } };
    const dir = makeState(cfg);
    const gw = await startGateway(dir);
    const base = `http://127.0.0.1:${gw.port}`;
    for (const p of ['/health', '/healthz']) {
      const r = await fetch(base + p);
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual({ ok: true, status: 'live' });
    }
    expect((await fetch(base + '/health', { method: 'HEAD' })).status).toBe(200);
    const ready = await fetch(base + '/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, failing: [] });
    expect((await fetch(base + '/v1/models')).status).toBe(401);
    expect((await fetch(base + '/v1/models', { headers: { authorization: 'Bearer wrong-token-123' } })).status).toBe(401);
    const models = await fetch(base + '/v1/models', { headers: { authorization: `Bearer ${cfg.gateway.auth.token}` } });
    expect(models.status).toBe(200);
    expect(((await models.json()) as any).data[0].id).toBe('local/tiny');
    expect((await fetch(base + '/health', { method: 'POST' })).status).toBe(405);
    expect((await fetch(base + '/nope')).status).toBe(404);
    await gw.stop();
  });
});

describe('config hot reload', () => {
  it('applies a hot change, restarts for a gateway change, and skips an invalid edit', async () => {
    const cfg: any = local({ reload: { mode: 'hybrid', debounceMs: 50 } });
    const dir = makeState(cfg);
    const file = path.join(dir, 'openclaw.json');
    const gw = await startGateway(dir);
    const cfgNow = () => readJsonFile(file);

    fs.writeFileSync(file, JSON.stringify({ ...cfgNow(), hooks: { enabled: true } }, null, 2));
    await waitFor(() => gw.output().includes('config hot reload applied (hooks.enabled)'), 5000, 'hot reload');
    expect(gw.output()).toContain('config change detected; evaluating reload (hooks.enabled)');

    const broken = '{ gateway: { mode: "local", port: "not a port" ';
    fs.writeFileSync(file, broken);
    await waitFor(() => gw.output().includes('config reload skipped (invalid config):'), 5000, 'invalid reload');
    expect(fs.readFileSync(file, 'utf8')).toBe(broken); // the user's file is left as written
    expect((await fetch(`http://127.0.0.1:${gw.port}/health`)).status).toBe(200);

    const invalid = { ...cfg, gateway: { ...cfg.gateway, bind: 'everywhere' }, hooks: { enabled: true } };
    fs.writeFileSync(file, JSON.stringify(invalid, null, 2));
    await waitFor(() => (gw.output().match(/config reload skipped \(invalid config\)/g) ?? []).length >= 2, 5000, 'schema-invalid reload');
    await waitFor(() => gw.output().includes('gateway.bind'), 5000, 'log line');

    const restart = { ...cfg, gateway: { ...cfg.gateway, handshakeTimeoutMs: 4000 }, hooks: { enabled: true } };
    fs.writeFileSync(file, JSON.stringify(restart, null, 2));
    await waitFor(() => gw.output().includes('gateway restarted in-process after config change'), 8000, 'restart');
    await waitFor(() => gw.output().includes('config change requires gateway restart (gateway.handshakeTimeoutMs)'), 5000, 'log line');
    const port = Number([...gw.output().matchAll(/listening on ws:\/\/127\.0\.0\.1:(\d+)/g)].pop()![1]);
    const { res, sock } = await handshake(`ws://127.0.0.1:${port}`, { token: cfg.gateway.auth.token });
    expect(res.ok).toBe(true);
    sock.ws.close();
    await gw.stop();
  });

  it('off mode validates but does not apply', async () => {
    const cfg: any = local({ reload: { mode: 'off', debounceMs: 50 } });
    const dir = makeState(cfg);
    const gw = await startGateway(dir);
    fs.writeFileSync(path.join(dir, 'openclaw.json'), JSON.stringify({ ...cfg, hooks: { enabled: true } }));
    await waitFor(() => gw.output().includes('config reload disabled (gateway.reload.mode=off)'), 5000, 'off');
    await gw.stop();
  });
});

describe('shutdown', () => {
  it('SIGTERM sends shutdown, closes with 1012, releases the lock, exits 0', async () => {
    const cfg = local();
    const dir = makeState(cfg);
    const gw = await startGateway(dir);
    const { res, sock } = await handshake(gw.url, { token: cfg.gateway.auth.token });
    expect(res.ok).toBe(true);
    const shutdown = sock.next((f) => f.type === 'event' && f.event === 'shutdown');
    const code = await gw.stop('SIGTERM');
    expect(code).toBe(0);
    expect((await shutdown).payload.reason).toBeTruthy();
    expect((await sock.closed).code).toBe(1012);
    expect(fs.existsSync(lockPathFor(path.join(dir, 'openclaw.json')))).toBe(false);
    expect(logText(dir)).toContain('received SIGTERM; shutting down');
  });

  it('SIGINT exits 0 too, and tick events flow before it', async () => {
    const cfg = local();
    const dir = makeState(cfg);
    const gw = await startGateway(dir, ['--port', '0'], { OPENCLAW_GATEWAY_TICK_MS: '100' });
    const { res, sock } = await handshake(gw.url, { token: cfg.gateway.auth.token });
    expect(res.payload.policy.tickIntervalMs).toBe(100);
    const tick = await sock.next((f) => f.type === 'event' && f.event === 'tick', 3000);
    expect(typeof tick.payload.ts).toBe('number');
    await rpc(sock, 'health');
    expect(await gw.stop('SIGINT')).toBe(0);
  });
});

describe('--dev and restart mode', () => {
  it('--dev uses ~/.openclaw-dev and creates a local config when missing', async () => {
    const home = makeState();
    const env = { HOME: home, OPENCLAW_STATE_DIR: '' };
    const { spawn } = await import('node:child_process');
    const { CLI, envFor } = await import('./gateway-harness.js');
    const e = envFor(home, env);
    delete e.OPENCLAW_STATE_DIR;
    const proc = spawn(process.execPath, [CLI, '--dev', 'gateway', '--port', '0'], { env: e, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (out += d));
    try {
      const devConfig = path.join(home, '.openclaw-dev', 'openclaw.json');
      // The listening line and the config path are separate writes: wait for both, not just the first.
      await waitFor(() => out.includes('listening on ws://') && out.includes(devConfig), 10_000, 'dev gateway');
      const cfg = readJsonFile(devConfig);
      trackSecret(cfg.gateway.auth.token);
      expect(cfg.gateway.mode).toBe('local');
    } finally {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
      fs.rmSync(lockPathFor(path.join(home, '.openclaw-dev', 'openclaw.json')), { force: true });
    }
  });

  it('reload mode restart restarts even for a hot path', async () => {
    const cfg: any = local({ reload: { mode: 'restart', debounceMs: 50 } });
    const dir = makeState(cfg);
    const gw = await startGateway(dir);
    fs.writeFileSync(path.join(dir, 'openclaw.json'), JSON.stringify({ ...cfg, hooks: { enabled: true } }));
    await waitFor(() => gw.output().includes('gateway restarted in-process after config change'), 8000, 'restart');
    await waitFor(() => gw.output().includes('config change requires gateway restart (hooks.enabled)'), 5000, 'log line');
    expect(await gw.stop()).toBe(0);
  });
});

describe('client tick watchdog', () => {
  it('a client closes with 4000 when the gateway falls silent for two tick intervals', async () => {
    const cfg = local();
    const dir = makeState(cfg);
    const gw = await startGateway(dir, ['--port', '0'], { OPENCLAW_GATEWAY_TICK_MS: '150' });
    const { connectGateway } = await import('../../src/client/connection.js');
    const c = await connectGateway({ url: gw.url, token: cfg.gateway.auth.token, timeoutMs: 5000 });
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect((await c.client.call('health')).ok).toBe(true);
    gw.proc.kill('SIGSTOP');
    try {
      const r = await c.client.call('health', {}, 3000);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.failure).toMatchObject({ kind: 'closed', closeCode: 4000 });
    } finally {
      gw.proc.kill('SIGCONT');
    }
    expect(await gw.stop()).toBe(0);
  });
});
