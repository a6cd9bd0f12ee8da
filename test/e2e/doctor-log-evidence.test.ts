// Log evidence is scoped and dated (issue 14 item 1), against a real gateway process: lines another
// OpenClaw instance wrote into the shared upstream log are not this install's problem, lines from
// before the gateway started or the config was fixed are history, and a healthy probe turns a
// client's token-mismatch lines into one finding about that client.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dailyLogPath } from '../../src/gateway/logger.js';
import { validateSchema } from '../helpers/json-schema.js';
import { CLI, cleanup, envFor, freePort, handshake, makeState, newToken, ROOT, runGatewayOnce, startGateway } from './gateway-harness.js';

afterAll(cleanup);

const reportSchema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/doctor-report.schema.json'), 'utf8'));

async function liveGateway() {
  const token = newToken();
  const port = await freePort();
  const stateDir = makeState({ gateway: { mode: 'local', bind: 'loopback', port, auth: { mode: 'token', token } } });
  const gw = await startGateway(stateDir, ['--port', String(port)]);
  return { token, port, stateDir, gw };
}

/** `doctor --json` as a user runs it, with the shared upstream log dir pointed at `upstream`. */
function doctorJson(stateDir: string, upstream: string, args: string[] = []) {
  const env = { ...envFor(stateDir, { HOME: stateDir }), OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR: upstream };
  const r = spawnSync(process.execPath, [CLI, 'doctor', '--json', '--skip', 'service', ...args], { env, encoding: 'utf8', timeout: 20_000 });
  const report = r.stdout ? JSON.parse(r.stdout) : undefined;
  // firstSeen, lastSeen and count keep the report valid against its published schema.
  if (report) expect(validateSchema(reportSchema, report)).toEqual([]);
  return { code: r.status, stderr: r.stderr, report };
}

const logFindings = (report: any) => report.findings.filter((f: any) => f.checkId === 'logs/known-signatures');

/** A refused connect as a real OpenClaw 2026.9.6 gateway on `port` writes it to /tmp/openclaw. */
function upstreamRefusal(port: number, at: Date): string {
  const text = `unauthorized conn=5d1c peer=127.0.0.1:50412->127.0.0.1:${port} remote=127.0.0.1 client=openclaw-control-ui webchat v2026.9.6 role=operator scopes=5 auth=token device=yes platform=linux instance=n/a host=127.0.0.1:${port} origin=http://127.0.0.1:${port} ua=n/a reason=token_mismatch guidance=unauthorized: gateway token mismatch (open the dashboard URL with the current token)`;
  const name = JSON.stringify({ subsystem: 'gateway/ws' });
  return JSON.stringify({ '0': name, '1': text, _meta: { runtime: 'node', hostname: os.hostname(), name, date: at.toISOString(), logLevelName: 'WARN' }, time: at.toISOString() });
}

function sharedLog(lines: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-upstream-'));
  fs.writeFileSync(dailyLogPath(dir), `${lines.join('\n')}\n`);
  return dir;
}

describe('log lines of another OpenClaw instance in the shared /tmp/openclaw log', () => {
  it('two hours old, from another profile on port 18801: a healthy install exits 0, one info names that instance', async () => {
    const { stateDir, gw } = await liveGateway();
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    const upstream = sharedLog([upstreamRefusal(18801, twoHoursAgo), upstreamRefusal(18801, new Date(twoHoursAgo.getTime() + 60_000))]);
    try {
      const { code, report, stderr } = doctorJson(stateDir, upstream);
      expect(stderr).toBe('');
      expect(report.findings.filter((f: any) => f.severity === 'error')).toEqual([]);
      expect(code).toBe(0);
      expect(logFindings(report)).toEqual([
        expect.objectContaining({
          severity: 'info',
          message: expect.stringContaining('Another OpenClaw instance (port 18801)'),
          details: expect.objectContaining({ instance: 'port 18801', count: '2', firstSeen: twoHoursAgo.toISOString() }),
        }),
      ]);
    } finally {
      await gw.stop();
      fs.rmSync(upstream, { recursive: true, force: true });
    }
  });

  it('written just now, after this gateway started: still not this install\'s (attributed by port, not by age)', async () => {
    const { stateDir, gw } = await liveGateway();
    const upstream = sharedLog([upstreamRefusal(18801, new Date())]);
    try {
      const { code, report } = doctorJson(stateDir, upstream);
      expect(code).toBe(0);
      expect(logFindings(report)).toEqual([expect.objectContaining({ severity: 'info', details: expect.objectContaining({ instance: 'port 18801', count: '1' }) })]);
    } finally {
      await gw.stop();
      fs.rmSync(upstream, { recursive: true, force: true });
    }
  });

  it('the same line naming this install\'s port is this install\'s: the client that sent the wrong token is named', async () => {
    const { stateDir, port, gw } = await liveGateway();
    const upstream = sharedLog([upstreamRefusal(port, new Date())]);
    try {
      const { code, report } = doctorJson(stateDir, upstream);
      expect(code).toBe(0); // the gateway lets this install in: the token is the client's problem
      expect(logFindings(report)).toEqual([
        expect.objectContaining({ severity: 'warning', cause: 'token-mismatch', details: expect.objectContaining({ clients: 'openclaw-control-ui webchat v2026.9.6 from 127.0.0.1', count: '1' }) }),
      ]);
    } finally {
      await gw.stop();
      fs.rmSync(upstream, { recursive: true, force: true });
    }
  });
});

describe('a live fact outranks a log line', () => {
  it('a client refused with a wrong token by this healthy gateway → one warning about that client, exit 0', async () => {
    const { stateDir, gw } = await liveGateway();
    const upstream = sharedLog([]);
    try {
      for (let i = 0; i < 2; i++) {
        const { sock, res } = await handshake(gw.url, { token: 'an-old-token-the-client-kept', clientId: 'webchat', mode: 'webchat' });
        expect(res).toMatchObject({ ok: false, error: { details: { code: 'AUTH_TOKEN_MISMATCH' } } });
        sock.ws.close();
      }
      const { code, report } = doctorJson(stateDir, upstream);
      expect(code).toBe(0);
      const found = logFindings(report);
      expect(found).toEqual([
        expect.objectContaining({
          severity: 'warning',
          cause: 'token-mismatch',
          message: expect.stringContaining('A client sent a wrong gateway token'),
          // Each refusal is logged twice (the refusal, then the closed handshake): 2 refusals, 4 lines.
          details: expect.objectContaining({ count: '4', clients: 'webchat webchat v1.0.0 from 127.0.0.1', firstSeen: expect.any(String), lastSeen: expect.any(String) }),
        }),
      ]);
      expect(JSON.stringify(report)).not.toContain('an-old-token-the-client-kept');
      // The human report shows the count and the first and last time too.
      const env = { ...envFor(stateDir, { HOME: stateDir }), OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR: upstream };
      const human = spawnSync(process.execPath, [CLI, 'doctor', '--skip', 'service'], { env, encoding: 'utf8', timeout: 20_000 });
      expect(human.stdout).toMatch(/A client sent a wrong gateway token or password \(4 lines, first \d{4}-\d\d-\d\d \d\d:\d\d UTC, last \d{4}-\d\d-\d\d \d\d:\d\d UTC\)|A client sent a wrong gateway token or password \(4 lines, at \d{4}-\d\d-\d\d \d\d:\d\d UTC\)/);
    } finally {
      await gw.stop();
      fs.rmSync(upstream, { recursive: true, force: true });
    }
  });
});

describe('lines from before the fix are history', () => {
  async function fixedAndRestarted() {
    const token = newToken();
    const port = await freePort();
    const stateDir = makeState({ gateway: { mode: 'local', bind: 'loopback', port: `${port}x`, auth: { mode: 'token', token } } });
    // The real failure, logged by the real gateway: it refuses to start on the invalid config.
    const failed = runGatewayOnce(stateDir, []);
    expect(failed.code).toBe(78);
    expect(fs.readFileSync(dailyLogPath(path.join(stateDir, 'logs')), 'utf8')).toContain('Invalid config at');
    await new Promise((r) => setTimeout(r, 20)); // the fix comes strictly after the line
    fs.writeFileSync(path.join(stateDir, 'openclaw.json'), JSON.stringify({ gateway: { mode: 'local', bind: 'loopback', port, auth: { mode: 'token', token } } }), { mode: 0o600 });
    const gw = await startGateway(stateDir, ['--port', String(port)]);
    return { stateDir, gw, upstream: sharedLog([]) };
  }

  it('config fixed and the gateway restarted: the old "Invalid config" line is an info "seen earlier, not seen since", exit 0', async () => {
    const { stateDir, gw, upstream } = await fixedAndRestarted();
    try {
      const { code, report } = doctorJson(stateDir, upstream);
      expect(report.findings.filter((f: any) => f.severity === 'error')).toEqual([]);
      expect(code).toBe(0);
      expect(logFindings(report)).toEqual([
        expect.objectContaining({
          severity: 'info',
          cause: 'config-invalid',
          message: expect.stringMatching(/: seen earlier, last at \d{4}-\d\d-\d\d \d\d:\d\d UTC \(1 line\), not seen since the running gateway started at /),
          details: expect.objectContaining({ signatureId: 'config.invalid', count: '1', lastSeen: expect.any(String) }),
        }),
      ]);
    } finally {
      await gw.stop();
      fs.rmSync(upstream, { recursive: true, force: true });
    }
  });

  it('--since 1d widens the window: the same line counts again (and a bad --since is a usage error)', async () => {
    const { stateDir, gw, upstream } = await fixedAndRestarted();
    try {
      const { code, report } = doctorJson(stateDir, upstream, ['--since', '1d']);
      expect(code).toBe(1);
      expect(logFindings(report)).toEqual([expect.objectContaining({ severity: 'error', cause: 'config-invalid', details: expect.objectContaining({ count: '1' }) })]);
      const bad = doctorJson(stateDir, upstream, ['--since', 'yesterday']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--since');
    } finally {
      await gw.stop();
      fs.rmSync(upstream, { recursive: true, force: true });
    }
  });

  // The gateway is not running yet, and nothing says it should be. The old line about
  // a start guard the config no longer trips is history; while the config still trips it, it is not.
  async function refusedOnPassword(fix: boolean) {
    const port = await freePort();
    const stateDir = makeState({ gateway: { mode: 'local', bind: 'loopback', port, auth: { mode: 'password' } } });
    const failed = runGatewayOnce(stateDir, []);
    expect(failed.code).toBe(78);
    await new Promise((r) => setTimeout(r, 20));
    if (fix) fs.writeFileSync(path.join(stateDir, 'openclaw.json'), JSON.stringify({ gateway: { mode: 'local', bind: 'loopback', port, auth: { mode: 'token', token: newToken() } } }), { mode: 0o600 });
    return { stateDir, upstream: sharedLog([]) };
  }

  it('config fixed, gateway not started yet: the old password-missing line is history, not an error', async () => {
    const { stateDir, upstream } = await refusedOnPassword(true);
    try {
      const { report } = doctorJson(stateDir, upstream);
      const password = logFindings(report).filter((f: any) => f.cause === 'auth-password-missing');
      expect(password).toEqual([expect.objectContaining({ severity: 'info', message: expect.stringContaining('seen earlier') })]);
      expect(report.findings.filter((f: any) => f.severity === 'error')).toEqual([]);
    } finally {
      fs.rmSync(upstream, { recursive: true, force: true });
    }
  });

  it('config not fixed: the same line is still this install\'s error', async () => {
    const { stateDir, upstream } = await refusedOnPassword(false);
    try {
      const { code, report } = doctorJson(stateDir, upstream);
      expect(code).toBe(1);
      expect(logFindings(report).filter((f: any) => f.cause === 'auth-password-missing')).toEqual([expect.objectContaining({ severity: 'error' })]);
    } finally {
      fs.rmSync(upstream, { recursive: true, force: true });
    }
  });
});

describe('a lock line is over once no lock is left', () => {
  /** The real 2026.9.6 gateway's refusal when another process owns its lock, an hour before the config was written. */
  function contention(at: Date): string {
    const text = 'Gateway failed to start: Doctor could not enter maintenance. StateDatabaseCoordinatorContentionError: another OpenClaw process owns gateway-lifecycle Stop the Gateway service and other OpenClaw processes using this state';
    return JSON.stringify({ '0': text, _meta: { runtime: 'node', hostname: os.hostname(), date: at.toISOString(), logLevelName: 'ERROR' }, time: at.toISOString() });
  }

  it('no lock now, gateway not running: the old contention line is history, not an error', async () => {
    const stateDir = makeState({ gateway: { mode: 'local', bind: 'loopback', port: await freePort(), auth: { mode: 'token', token: newToken() } } });
    const upstream = sharedLog([contention(new Date(Date.now() - 3_600_000))]);
    try {
      const { report } = doctorJson(stateDir, upstream);
      expect(logFindings(report).filter((f: any) => f.cause === 'stale-lock')).toEqual([expect.objectContaining({ severity: 'info', message: expect.stringContaining('seen earlier') })]);
    } finally {
      fs.rmSync(upstream, { recursive: true, force: true });
    }
  });

  it('a stale lock still there: the same line stays an error', async () => {
    const stateDir = makeState({ gateway: { mode: 'local', bind: 'loopback', port: await freePort(), auth: { mode: 'token', token: newToken() } } });
    const upstream = sharedLog([contention(new Date(Date.now() - 3_600_000))]);
    // A lock whose pid is gone, where the real 2026.9.6 gateway keeps it (under the state dir).
    const { lockPathsFor } = await import('../../src/system/gateway-lock.js');
    const lockFile = lockPathsFor(path.join(stateDir, 'openclaw.json'), stateDir)[0]!;
    fs.mkdirSync(path.dirname(lockFile), { recursive: true, mode: 0o700 });
    fs.writeFileSync(lockFile, JSON.stringify({ pid: 2 ** 22 + 7, createdAt: new Date(Date.now() - 7_200_000).toISOString(), configPath: path.join(stateDir, 'openclaw.json') }), { mode: 0o600 });
    try {
      const { report } = doctorJson(stateDir, upstream);
      expect(logFindings(report).filter((f: any) => f.cause === 'stale-lock')).toEqual([expect.objectContaining({ severity: 'error' })]);
    } finally {
      fs.rmSync(upstream, { recursive: true, force: true });
    }
  });
});
