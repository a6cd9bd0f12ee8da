// Subsystem errors through the one action wrapper, as a user meets them: a request the running
// gateway refuses is a usage error (2), a damaged state file read by the CLI itself fails (1) with
// the next step; the terminal gets `error: …` lines, --json the one shape on stdout.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, cli, freePort, makeState, newToken, startGateway, type RunningGateway } from './gateway-harness.js';

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
