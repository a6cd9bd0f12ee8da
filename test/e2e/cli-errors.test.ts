// Errors as a user meets them, all in one style: the terminal gets `error: …` and the next step
// indented under it, --json the one shape `{ok: false, error: {message, hint?, exitCode, …}}` on
// stdout. Subsystem errors go through the one action wrapper: a request the running gateway refuses
// is a usage error (2), a damaged state file read by the CLI itself fails (1) with the next step.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, cleanup, cli, envFor, freePort, makeState, newToken, startGateway, waitFor, type RunningGateway } from './gateway-harness.js';

const DAMAGED_HINT = 'Move the damaged file aside (keep a copy) and retry; the toolkit never overwrites it.';

let gw: RunningGateway;
let served: string;

beforeAll(async () => {
  served = makeState({ gateway: { mode: 'local', port: await freePort(), auth: { mode: 'token', token: newToken() } } });
  gw = await startGateway(served, []);
});
afterAll(async () => {
  await gw?.stop();
  await cleanup();
});

describe('subsystem errors through the one action wrapper', () => {
  it('a request the running gateway refuses as INVALID_REQUEST exits 2, in both styles', () => {
    const human = cli(served, ['cron', 'rm', '']);
    expect(human.code).toBe(2);
    expect(human.stdout).toBe('');
    expect(human.stderr).toMatch(/^error: invalid cron\.remove params: id: [^\n]+\n$/);
    const json = cli(served, ['cron', 'rm', '', '--json']);
    expect(json.code).toBe(2);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, error: { message: human.stderr.slice('error: '.length, -1), exitCode: 2 } });
    // The gateway answered, and is still there for the next command.
    expect(gw.proc.exitCode).toBeNull();
    expect(cli(served, ['cron', 'list', '--json']).code).toBe(0);
  });

  it('a damaged state file exits 1 with the hint to move it aside, and is left as it was', async () => {
    // A channel's DM pairing requests, which `pairing list --channel` reads from the state dir itself.
    const dir = makeState({});
    const store = path.join(dir, 'credentials', 'webhook-pairing.json');
    fs.mkdirSync(path.dirname(store), { recursive: true });
    fs.writeFileSync(store, '{"requests": [');
    const human = cli(dir, ['pairing', 'list', '--channel', 'webhook']);
    expect(human.code).toBe(1);
    expect(human.stdout).toBe('');
    const [what, next, ...rest] = human.stderr.split('\n');
    expect(what).toMatch(new RegExp(`^error: ${store.replace(/[.]/g, '\\.')}: is not valid JSON \\(.+\\)$`));
    expect([next, ...rest]).toEqual([`  ${DAMAGED_HINT}`, '']);
    expect(human.stderr).not.toMatch(/\n\s+at /);
    const json = cli(dir, ['pairing', 'list', '--channel', 'webhook', '--json']);
    expect(json.code).toBe(1);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, error: { message: what.slice('error: '.length), hint: DAMAGED_HINT, exitCode: 1 } });
    expect(fs.readFileSync(store, 'utf8')).toBe('{"requests": [');
  });
});

describe('errors outside the subsystems, in the same style', () => {
  it("a full OpenClaw CLI command's pointer: one line on the terminal, the one error shape with --json", () => {
    const human = cli(served, ['dashboard']);
    expect(human.code).toBe(2);
    expect(human.stdout).toBe('');
    expect(human.stderr).toMatch(/^`openclaw dashboard` is a command of the full OpenClaw CLI [^\n]+\n$/);
    const json = cli(served, ['dashboard', '--json']);
    expect(json.code).toBe(2);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, error: { message: human.stderr.slice(0, -1), exitCode: 2 } });
  });

  it('an RPC command that cannot reach the gateway: --json keeps the client failure and adds hint and exit code', async () => {
    const dir = makeState({ gateway: { mode: 'local', port: await freePort(), auth: { mode: 'token', token: newToken() } } });
    const human = cli(dir, ['health']);
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(/^error: cannot connect to the gateway at ws:\/\/127\.0\.0\.1:\d+: [^\n]+\n {2}\S[^\n]+\n$/);
    const json = cli(dir, ['health', '--json']);
    expect(json.code).toBe(1);
    const body = JSON.parse(json.stdout);
    expect(body).toMatchObject({ ok: false, url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+$/), error: { kind: 'refused', exitCode: 1 } });
    expect(body.error.message).toEqual(expect.any(String));
    expect(body.error.hint).toBe(human.stderr.split('\n')[1]!.trim());
  });

  it('a node whose gateway goes away ends with an error line and exit 1', async () => {
    const port = await freePort();
    const dir = makeState({ gateway: { mode: 'local', port, auth: { mode: 'token', token: newToken() } } });
    const own = await startGateway(dir, []);
    const node = spawn(process.execPath, [CLI, 'node', 'run', '--display-name', 'errors-node'], { env: envFor(dir), stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => node.on('exit', (code) => resolve(code)));
    let out = '';
    let err = '';
    node.stdout!.on('data', (d) => (out += d));
    node.stderr!.on('data', (d) => (err += d));
    try {
      await waitFor(() => /node \S+ connected to ws:/.test(out), 10_000, 'the node to connect');
      await own.stop('SIGKILL');
      const code = await Promise.race([exited, new Promise((_, reject) => setTimeout(() => reject(new Error(`the node did not exit: ${out}${err}`)), 10_000))]);
      expect(code).toBe(1);
      expect(err).toMatch(/^error: node disconnected: [^\n]*\n$/);
    } finally {
      node.kill('SIGKILL');
      await own.stop('SIGKILL');
    }
  });
});
