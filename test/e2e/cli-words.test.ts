// The client commands speak to people: one error style, no internal codes, no advice to run the
// command just run, a warning when a wrong token is papered over, and `gateway restart` starting a
// stopped gateway. Real gateways on OS-chosen ports, temp state dirs; every process killed after.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { lockPathFor, readLock } from '../../src/system/gateway-lock.js';
import { CLI, cleanup, cli, freePort, makeState, newToken, startGateway, waitFor, type RunningGateway } from './gateway-harness.js';

const gateways: RunningGateway[] = [];
/** Gateways started detached by the CLI itself (not our children): killed by the pid in their lock. */
const detached: number[] = [];

afterEach(async () => {
  for (const g of gateways.splice(0)) await g.stop();
  for (const pid of detached.splice(0)) {
    try {
      // Only a process still running our CLI: a stopped gateway's pid may be reused.
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(CLI)) process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});
afterAll(cleanup);

const INTERNAL = /retry_with_device_token|update_auth_credentials|update_auth_configuration|review_auth_configuration|wait_then_retry|AUTH_[A-Z_]+|PAIRING_REQUIRED|DEVICE_AUTH_[A-Z_]+/;

describe('client commands in words', () => {
  it('gateway status of a stopped gateway: "Runtime:" once, and no advice to run `gateway status`', async () => {
    const dir = makeState({ gateway: { mode: 'local', port: await freePort() } });
    const r = cli(dir, ['gateway', 'status']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Runtime: stopped');
    expect(r.stdout.match(/^Runtime:/gm)).toHaveLength(1);
    expect(r.stdout).not.toContain('openclaw gateway status');
    expect(r.stdout).toContain('`openclaw gateway`');
  });

  it('a wrong --token: no internal codes in human text (JSON keeps them); health warns like gateway probe', async () => {
    const token = newToken();
    const dir = makeState({ gateway: { mode: 'local', port: await freePort(), auth: { mode: 'token', token } } });
    const g = await startGateway(dir, []);
    gateways.push(g);

    // No device token cached yet: the wrong token fails, in words, error then an indented next step.
    const refused = cli(dir, ['health', '--token', 'wrong-token-1']);
    expect(refused.code).toBe(1);
    const lines = refused.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^error: cannot connect to the gateway at ws:\/\/127\.0\.0\.1:\d+: unauthorized: gateway token mismatch/);
    expect(lines[1]).toMatch(/^ {2}\S/);
    expect(refused.stderr).not.toMatch(INTERNAL);
    const probe = cli(dir, ['gateway', 'probe', '--token', 'wrong-token-1']);
    expect(probe.stdout).toContain('token mismatch');
    expect(probe.stdout).not.toMatch(INTERNAL);
    const json = JSON.parse(cli(dir, ['gateway', 'probe', '--json', '--token', 'wrong-token-1']).stdout);
    expect(json.connect.error).toMatchObject({ code: 'AUTH_TOKEN_MISMATCH', recommendedNextStep: expect.any(String) });
    // The doctor, too: words in its report, the codes in its JSON.
    const doctor = cli(dir, ['doctor', '--remote', g.url, '--token', 'wrong-token-1']);
    expect(doctor.stdout).toContain('remote/auth');
    expect(doctor.stdout).not.toMatch(INTERNAL);
    const report = JSON.parse(cli(dir, ['doctor', '--json', '--remote', g.url, '--token', 'wrong-token-1']).stdout);
    expect(JSON.stringify(report)).toContain('AUTH_TOKEN_MISMATCH');

    // With the right token this device gets its own token; a wrong one later is papered over by it.
    expect(cli(dir, ['health']).code).toBe(0);
    const papered = cli(dir, ['health', '--token', 'wrong-token-2']);
    expect(papered.code).toBe(0);
    expect(papered.stdout).toContain('Gateway: healthy');
    expect(papered.stderr).toMatch(/^warning: the gateway refused the token or password given \(unauthorized: gateway token mismatch/m);
    expect(papered.stderr).not.toMatch(INTERNAL);
    expect(papered.stderr + papered.stdout).not.toContain('wrong-token-2');
    const probed = cli(dir, ['gateway', 'probe', '--token', 'wrong-token-2']);
    expect(probed.stdout).toContain("warning: the gateway refused the token or password given");
    expect(probed.stdout).not.toMatch(INTERNAL);
    // The same warnings in the reader's language; --json keeps the English.
    const korean = cli(dir, ['gateway', 'probe', '--token', 'wrong-token-2', '--lang', 'ko']);
    expect(korean.stdout).toContain('게이트웨이가 주어진 토큰 또는 비밀번호를 거부했습니다');
    expect(korean.stdout).not.toContain('the gateway refused the token');
    const probedJson = JSON.parse(cli(dir, ['gateway', 'probe', '--json', '--token', 'wrong-token-2', '--lang', 'ko']).stdout);
    expect(probedJson.warnings.join('\n')).toContain('the gateway refused the token or password given');
  });

  it('every error has one style: `error: <what>`, then the next step indented; JSON errors unchanged', async () => {
    const port = await freePort();
    const dir = makeState({ gateway: { mode: 'local', port } });
    const cases = [
      ['bogus'],
      ['doctor', '--bogus'],
      ['doctor', '--undo', '--fix'],
      ['health'],
      ['devices', 'list'],
      ['logs', 'tail', '--rpc'],
      ['explain', ''],
      ['triage'],
      ['config', 'get', 'gateway..port'],
      ['nodes', 'invoke', '--node', 'n1', '--command', 'system.which'],
    ];
    for (const args of cases) {
      const r = cli(dir, args);
      const lines = r.stderr.trimEnd().split('\n');
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(lines[0], `${args.join(' ')}: ${r.stderr}`).toMatch(/^error: \S/);
      for (const line of lines.slice(1)) expect(line, `${args.join(' ')}: ${r.stderr}`).toMatch(/^ {2}\S/);
    }
    const json = cli(dir, ['health', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { kind: 'refused' } });
  });

  it('gateway restart on a stopped gateway starts it and says so (systemctl semantics)', async () => {
    const port = await freePort();
    const dir = makeState({ gateway: { mode: 'local', port, auth: { mode: 'token', token: newToken() } } });
    const r = cli(dir, ['gateway', 'restart'], {}, 30_000);
    const lock = readLockPid(dir);
    if (lock) detached.push(lock);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Gateway was not running; started it \(pid \d+, output in .*gateway\.log\)\.$/m);
    const pid = Number(/pid (\d+)/.exec(r.stdout)![1]);
    if (!detached.includes(pid)) detached.push(pid);
    await waitFor(() => cli(dir, ['gateway', 'probe']).code === 0, 10_000, 'the started gateway answers');
    const status = JSON.parse(cli(dir, ['gateway', 'status', '--json']).stdout);
    expect(status.runtime).toMatchObject({ status: 'running', pid });
    // And it stops like any other.
    const stop = JSON.parse(cli(dir, ['gateway', 'stop', '--json']).stdout);
    expect(stop).toMatchObject({ ok: true, stopped: true, pid });
  }, 60_000);

  it('gateway restart of a stopped gateway that refuses to start says so at once, not after the timeout', async () => {
    const dir = makeState({ gateway: { port: await freePort() } }); // no gateway.mode: the gateway refuses to start
    const r = cli(dir, ['gateway', 'restart', '--timeout', '20000'], {}, 30_000);
    const pid = readLockPid(dir);
    if (pid) detached.push(pid);
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(10_000);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^error: the gateway exited \(code \d+\) instead of starting$/);
    expect(lines[1]).toMatch(/^ {2}Its output is in .*gateway\.err\.log; `openclaw doctor` says why\.$/);
  }, 60_000);
});

/** The pid in the config's gateway lock, if any (for teardown even when the test fails early). */
function readLockPid(stateDir: string): number | undefined {
  const l = readLock(lockPathFor(path.join(stateDir, 'openclaw.json')));
  return l.state === 'held' || l.state === 'stale' ? l.lock.pid : undefined;
}
