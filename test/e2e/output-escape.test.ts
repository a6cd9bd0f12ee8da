// Terminal and log injection (issue 13 item 7) against a real gateway process: a client whose platform
// is an OSC 52 clipboard write, whose version forges a second log line and whose platform/user agent
// claim a port conflict. What the gateway logs, and what `logs`, `logs scan` and the doctor print from
// it, carries no raw ESC/BEL byte and no forged finding. Then FIFOs in logs/: nothing hangs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dailyLogPath } from '../../src/gateway/logger.js';
import { cleanup, cli, freePort, logText, makeState, newToken, rawConnect, startGateway, waitFor, type RunningGateway } from './gateway-harness.js';

const OSC52 = '\u001b]52;c;cHduZWQ=\u0007';
const CLEAR = '\u001b[2J';
const PORT_CLAIM = 'EADDRINUSE another gateway instance is already listening';
// A forged upstream log line after a newline: a port conflict the gateway never had.
const FORGED_LINE = `\n{"0":"another gateway instance is already listening on ws://127.0.0.1:1","1":{"code":"EADDRINUSE"},"_meta":{"logLevelName":"ERROR"}}\nERROR listen EADDRINUSE: address already in use 127.0.0.1:1`;
const RAW_CONTROL = /[\u001b\u0007\u009b]/;

/** One connect with the wrong token and hostile client fields; resolves when the gateway closed it. */
async function hostileConnect(url: string, client: Record<string, string>, headers: Record<string, string>): Promise<void> {
  const sock = rawConnect(url, headers);
  await sock.challenge;
  sock.send({
    type: 'req',
    id: 'c1',
    method: 'connect',
    params: { minProtocol: 3, maxProtocol: 4, client: { id: 'test', mode: 'test', version: '1.0.0', platform: 'Linux', ...client }, role: 'operator', scopes: ['operator.read'], auth: { token: 'wrong-token-for-sure' } },
  });
  const res = await sock.next((f) => f.type === 'res' && f.id === 'c1');
  expect(res.ok).toBe(false);
  await sock.closed;
}

afterAll(cleanup);

describe('hostile peer fields in the gateway log', () => {
  let dir: string;
  let gw: RunningGateway;

  beforeAll(async () => {
    const port = await freePort();
    dir = makeState({ gateway: { mode: 'local', bind: 'loopback', port, auth: { mode: 'token', token: newToken() } } });
    gw = await startGateway(dir, ['--port', String(port)]);
    await hostileConnect(gw.url, { platform: `${OSC52}${CLEAR}`, displayName: PORT_CLAIM, deviceFamily: OSC52, instanceId: CLEAR }, { 'User-Agent': PORT_CLAIM });
    await hostileConnect(gw.url, { platform: PORT_CLAIM, version: `1.0.0${FORGED_LINE}` }, {});
    // A browser origin is checked before the token: refused as "origin not allowed", the origin logged.
    await hostileConnect(gw.url, {}, { Origin: `http://x.example/${PORT_CLAIM.replace(/ /g, '%20')}` });
    await waitFor(() => (logText(dir).match(/closed before connect/g) ?? []).length >= 3, 5000, 'the three refusals in the log');
    // The service manager's stdout file (logs/gateway.log): what this gateway printed, byte for byte.
    fs.writeFileSync(path.join(dir, 'logs', 'gateway.log'), gw.output());
  }, 30_000);
  afterAll(async () => {
    await gw?.stop();
  });

  it('the gateway logs peer values quoted and escaped, one record per line, in its file and on its console', () => {
    const records = logText(dir).trimEnd().split('\n').map((l) => JSON.parse(l));
    const messages = records.map((r) => String(r['2'] ?? r['1']));
    const unauthorized = messages.filter((m) => m.startsWith('unauthorized conn='));
    expect(unauthorized).toHaveLength(2);
    expect(unauthorized[0]).toContain('platform="\\x1b]52;c;cHduZWQ=\\x07\\x1b[2J"');
    expect(unauthorized[0]).toContain(`ua="${PORT_CLAIM}"`);
    expect(unauthorized[1]).toContain(`platform="${PORT_CLAIM}"`);
    expect(unauthorized[1]).toContain('client="test test v1.0.0\\n{\\x220\\x22:');
    for (const m of messages) expect(m).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    const consoleOut = gw.output();
    expect(consoleOut).not.toMatch(RAW_CONTROL);
    expect(consoleOut.split('\n').filter((l) => l.includes('another gateway instance')).every((l) => /\[gateway\/ws\] (unauthorized|closed before connect)/.test(l))).toBe(true);
  });

  it('logs --plain, logs and logs --rpc print no raw escape and show it visibly', () => {
    for (const args of [['logs', '--plain'], ['logs'], ['logs', '--rpc']]) {
      const r = cli(dir, args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout).not.toMatch(RAW_CONTROL);
      expect(r.stdout).toContain('\\x1b]52;c;cHduZWQ=\\x07');
    }
  });

  it('logs scan reports no port conflict from what clients called themselves, and prints no raw escape', () => {
    const human = cli(dir, ['logs', 'scan'], { OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR: path.join(dir, 'no-upstream') });
    expect(human.code).not.toBeNull();
    expect(human.stdout).not.toMatch(RAW_CONTROL);
    expect(human.stdout).not.toContain('port-conflict');
    const json = JSON.parse(cli(dir, ['logs', 'scan', '--json'], { OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR: path.join(dir, 'no-upstream') }).stdout);
    const causes = json.causes.map((c: { cause: string }) => c.cause);
    expect(causes).not.toContain('port-conflict');
    // What the gateway itself said still counts: wrong tokens, an origin it does not allow.
    expect(causes).toEqual(expect.arrayContaining(['token-mismatch', 'origin-not-allowed']));
    const origin = json.matches.find((m: { cause: string }) => m.cause === 'origin-not-allowed');
    expect(origin.evidence.origin).toBe('http://x.example/EADDRINUSE%20another%20gateway%20instance%20is%20already%20listening');
  });

  it('doctor: no port-conflict finding, and its human evidence shows the escapes', () => {
    const env = { HOME: dir, OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR: path.join(dir, 'no-upstream') };
    const json = JSON.parse(cli(dir, ['doctor', '--json', '--skip', 'service'], env, 30_000).stdout);
    expect(json.findings.map((f: { cause?: string }) => f.cause)).not.toContain('port-conflict');
    expect(json.findings.some((f: { checkId: string }) => f.checkId === 'logs/known-signatures')).toBe(true);
    const human = cli(dir, ['doctor', '--skip', 'service'], env, 30_000);
    expect(human.code).not.toBeNull();
    expect(human.stdout).not.toMatch(RAW_CONTROL);
    expect(human.stdout).not.toMatch(/port.conflict|another gateway instance is already listening \(/i);
    expect(human.stdout).toContain('logs/known-signatures');
  });
});

describe('FIFOs where logs are expected', () => {
  let dir: string;

  beforeAll(async () => {
    // A port the OS just handed out: no gateway listens there, and none of another test's is probed.
    dir = makeState({ gateway: { mode: 'local', port: await freePort() } });
    const logs = path.join(dir, 'logs');
    fs.mkdirSync(logs, { recursive: true });
    for (const fifo of [dailyLogPath(logs), path.join(logs, 'gateway.err.log')]) {
      const r = spawnSync('mkfifo', [fifo]);
      expect(r.status, String(r.stderr)).toBe(0);
    }
    fs.writeFileSync(path.join(logs, 'gateway.log'), 'ERROR listen EADDRINUSE: address already in use 127.0.0.1:18789\n');
  });

  // The harness's teardown reads every openclaw-*.log of its state dirs: no FIFO may be left for it.
  afterAll(() => {
    for (const f of fs.readdirSync(path.join(dir, 'logs'))) {
      const p = path.join(dir, 'logs', f);
      if (fs.lstatSync(p).isFIFO()) fs.unlinkSync(p);
    }
  });

  const env = () => ({ HOME: dir, OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR: path.join(dir, 'no-upstream') });

  it('logs scan finishes, scans the regular log, and says it skipped the FIFOs', () => {
    const r = cli(dir, ['logs', 'scan'], env(), 10_000);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`note: skipped ${dailyLogPath(path.join(dir, 'logs'))}: a FIFO, not a regular file`);
    expect(r.stderr).toContain('gateway.err.log: a FIFO');
    expect(r.stdout).toContain('port-conflict');
  });

  it('the doctor finishes and reports each FIFO as skipped', () => {
    const r = cli(dir, ['doctor', '--json', '--skip', 'service'], env(), 20_000);
    expect(r.code, r.stderr).not.toBeNull();
    const skipped = JSON.parse(r.stdout).findings.filter((f: { message: string }) => f.message.startsWith('Skipped '));
    expect(skipped.map((f: { message: string }) => f.message).sort()).toEqual([
      expect.stringContaining('gateway.err.log: it is a FIFO'),
      expect.stringContaining(`${path.basename(dailyLogPath(path.join(dir, 'logs')))}: it is a FIFO`),
    ]);
  });

  it('a FIFO named on the command line is read as the stream it is', () => {
    const fifo = path.join(dir, 'named.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const writer = spawn('sh', ['-c', `printf 'ERROR listen EADDRINUSE: address already in use 127.0.0.1:1\\n' > '${fifo}'`], { stdio: 'ignore' });
    try {
      const r = cli(dir, ['logs', 'scan', '--json', fifo], env(), 10_000);
      expect(r.code, r.stderr).toBe(1);
      expect(JSON.parse(r.stdout).causes.map((c: { cause: string }) => c.cause)).toEqual(['port-conflict']);
    } finally {
      writer.kill('SIGKILL');
      fs.unlinkSync(fifo);
    }
  });

  it('logs (tail) refuses the FIFO with a clear error instead of waiting for a writer', () => {
    const r = cli(dir, ['logs'], env(), 10_000);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is a FIFO, not a regular file');
  });
});
