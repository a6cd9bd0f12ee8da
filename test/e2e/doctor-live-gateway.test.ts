// The doctor against a real gateway process of this config: healthy, token drift between env and
// config, a pairing request pending for this CLI's device, and the gateway.restart operation.
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { restartGateway } from '../../src/cli/commands/doctor.js';
import { connectGateway } from '../../src/client/connection.js';
import { resolvePaths } from '../../src/config/paths.js';
import { defineCheck } from '../../src/engine/check.js';
import { runDoctor } from '../../src/engine/doctor.js';
import { lockPathFor, readLock } from '../../src/system/gateway-lock.js';
import { CLI, cleanup, cli, envFor, makeState, newToken, startGateway } from './gateway-harness.js';

afterAll(cleanup);

/** A port the OS just handed out (and took back): the doctor reads it from the config. */
async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function liveGateway() {
  const token = newToken();
  const port = await freePort();
  const stateDir = makeState({ gateway: { mode: 'local', bind: 'loopback', port, auth: { mode: 'token', token } } });
  const gw = await startGateway(stateDir, ['--port', String(port)]);
  return { token, stateDir, gw };
}

/** `doctor --json` as a user runs it (the harness's cli() drops OPENCLAW_GATEWAY_TOKEN, so spawn here). */
function doctorJson(stateDir: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, 'doctor', '--json', '--skip', 'service', ...args], { env: { ...envFor(stateDir, { HOME: stateDir }), ...env }, encoding: 'utf8', timeout: 15_000 });
  expect(r.stderr).toBe('');
  return { code: r.status, report: JSON.parse(r.stdout) };
}

describe('doctor with a real gateway running', () => {
  it('is quiet about the gateway when it is healthy: the RPC probe passes', async () => {
    const { stateDir, gw } = await liveGateway();
    const { report } = doctorJson(stateDir, []);
    expect(report.findings.filter((f: any) => f.checkId.startsWith('gateway/'))).toEqual([]);
    expect(report.unavailable?.gateway).toBeUndefined();
    const probe = JSON.parse(cli(stateDir, ['gateway', 'probe', '--json'], { HOME: stateDir }).stdout);
    expect(probe).toMatchObject({ ok: true, connect: { ok: true, rpcOk: true } });
    await gw.stop();
  });

  it('token drift: OPENCLAW_GATEWAY_TOKEN differs from gateway.auth.token → AUTH_TOKEN_MISMATCH and what to do', async () => {
    const { stateDir, gw } = await liveGateway();
    const { code, report } = doctorJson(stateDir, ['--only', 'gateway'], { OPENCLAW_GATEWAY_TOKEN: 'not-the-gateway-token-0000' });
    expect(code).toBe(1);
    expect(report.findings).toEqual([
      expect.objectContaining({
        checkId: 'gateway/rpc-probe-failed',
        cause: 'token-mismatch',
        details: expect.objectContaining({ code: 'AUTH_TOKEN_MISMATCH' }),
        message: expect.stringContaining('Token drift'),
        fixHint: expect.stringContaining('unset OPENCLAW_GATEWAY_TOKEN'),
      }),
    ]);
    expect(JSON.stringify(report)).not.toContain('not-the-gateway-token-0000');
    await gw.stop();
  });

  // Seen with a real OpenClaw 2026.9.6: after one good run this device holds a device token, the
  // gateway offers canRetryWithDeviceToken on a token mismatch, and the retry gets in.
  it('token drift hidden by a cached device token: a warning, since other clients are refused', async () => {
    const { stateDir, gw } = await liveGateway();
    expect(doctorJson(stateDir, ['--only', 'gateway']).report.findings).toEqual([]); // pairs and caches a device token
    const { code, report } = doctorJson(stateDir, ['--only', 'gateway'], { OPENCLAW_GATEWAY_TOKEN: 'not-the-gateway-token-0000' });
    expect(code).toBe(0); // this machine still works
    expect(report.findings).toEqual([
      expect.objectContaining({
        checkId: 'gateway/rpc-probe-failed',
        severity: 'warning',
        cause: 'token-mismatch',
        details: expect.objectContaining({ code: 'AUTH_TOKEN_MISMATCH', hiddenByDeviceToken: 'true' }),
        message: expect.stringContaining('cached device token'),
        fixHint: expect.stringContaining('unset OPENCLAW_GATEWAY_TOKEN'),
      }),
    ]);
    const probe = spawnSync(process.execPath, [CLI, 'gateway', 'probe', '--json'], { env: { ...envFor(stateDir, { HOME: stateDir }), OPENCLAW_GATEWAY_TOKEN: 'not-the-gateway-token-0000' }, encoding: 'utf8', timeout: 15_000 });
    expect(JSON.parse(probe.stdout)).toMatchObject({ ok: true, connect: { sharedAuthRejected: { code: 'AUTH_TOKEN_MISMATCH' } }, warnings: [expect.stringContaining('paired token instead')] });
    await gw.stop();
  });

  it('pairing pending: this device asks for more scopes than it was paired with → the requestId to approve', async () => {
    const { token, stateDir, gw } = await liveGateway();
    // Pair this CLI's device (its identity lives in the state dir) with read access only.
    const first = await connectGateway({ url: gw.url, token, stateDir, clientId: 'cli', clientMode: 'cli', scopes: ['operator.read'], timeoutMs: 5000 });
    expect(first.ok).toBe(true);
    if (first.ok) first.client.close();
    const { report } = doctorJson(stateDir, ['--only', 'gateway']);
    const finding = report.findings.find((f: any) => f.checkId === 'gateway/rpc-probe-failed');
    expect(finding).toMatchObject({ cause: 'pairing-required', details: { code: 'PAIRING_REQUIRED', requestId: expect.any(String) } });
    expect(finding.fixHint).toBe(`\`openclaw devices approve ${finding.details.requestId}\` (on the gateway host)`);
    const pending = JSON.parse(cli(stateDir, ['devices', 'list', '--json'], { HOME: stateDir }).stdout);
    expect(JSON.stringify(pending)).toContain(finding.details.requestId);
    await gw.stop();
  });

  it('the gateway.restart operation restarts the running gateway (the same restart as `gateway restart`)', async () => {
    const { stateDir, gw } = await liveGateway();
    const env = envFor(stateDir, { HOME: stateDir });
    const paths = resolvePaths({ env });
    const before = readLock(lockPathFor(paths.configPath.value));
    expect(before.state).toBe('held');
    const needsRestart = defineCheck({
      meta: { id: 'test/needs-restart', title: 'A change the gateway applies on restart', area: 'test', severity: 'warning', facts: ['config'], fix: 'safe', docs: 'test' },
      detect: () => [{ checkId: 'test/needs-restart', severity: 'warning', message: 'restart needed' }],
      repair: () => [{ op: 'gateway.restart' }],
    });
    const run = await runDoctor({ checks: [needsRestart], paths, env, timeoutMs: 2000, fix: true, restartGateway: () => restartGateway({ paths, env }, 10_000) });
    expect(run.report.fixes?.[0]).toMatchObject({ checkId: 'test/needs-restart', status: 'applied' });
    await gw.exited;
    const after = readLock(lockPathFor(paths.configPath.value));
    expect(after.state).toBe('held');
    expect(after.state === 'held' && before.state === 'held' && after.lock.pid !== before.lock.pid).toBe(true);
  }, 30_000);
});
