// `openclaw explain` with a pasted line: arguments, stdin, --json, and bad input.
import { afterEach, describe, expect, it } from 'vitest';
import { killChildren, runCli } from './logs-scan-helpers.js';

const env = { PATH: process.env.PATH, NO_COLOR: '1', HOME: '/nonexistent' };
const explain = (args: string[], input = '') => runCli(['explain', ...args], { env, input });

afterEach(killChildren);

describe('openclaw explain', () => {
  it('explains words given as arguments, with the fix', async () => {
    const r = await explain(['disconnected', '(4008):', 'connect', 'failed', '—', 'device', 'token', 'mismatch']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error device-token-stale: Device token stale or revoked (once)');
    expect(r.stdout).toContain('openclaw devices list');
  });

  it("prints the cause's one text, narrowed by the signature's detail", async () => {
    const r = await explain(['heartbeat skipped reason=quiet-hours']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('info heartbeat-skipped: Heartbeat skipped (once)');
    expect(r.stdout).toContain('· Outside agents.defaults.heartbeat.activeHours.');
    expect(r.stdout).toContain('openclaw system heartbeat last');
  });

  it('reads a pasted JSON error from stdin and prints the issue JSON shape', async () => {
    const pasted = '{"type":"res","id":"1","ok":false,"error":{"code":"NOT_PAIRED","message":"pairing required","details":{"code":"PAIRING_REQUIRED","requestId":"req-7f3a"}}}\n';
    const r = await explain(['--json'], pasted);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.causes[0]).toMatchObject({ cause: 'pairing-required', severity: 'warning', count: 1, firstLine: 1 });
    expect(out.matches[0].evidence).toEqual({ requestId: 'req-7f3a' });
  });

  it('a paste with two facts of one combination: that cause first, both lines named (human and --json)', async () => {
    const paste = 'Status: live\nsome other line\nPort 18789 is not listening, but the PID exists\n';
    const human = await explain([], paste);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/^error gateway-hung: Gateway process alive but not serving its port \(once\)/);
    expect(human.stdout).toMatch(/line 1: Status: live\s+\[fact: process-alive\]/);
    expect(human.stdout).toMatch(/line 3: Port 18789 is not listening, but the PID exists\s+\[fact: port-not-listening\]/);
    const json = JSON.parse((await explain(['--json'], paste)).stdout);
    expect(json.causes[0]).toMatchObject({ cause: 'gateway-hung', signatures: ['combo.gateway-hung'] });
    expect(json.matches.filter((m: { cause: string }) => m.cause === 'gateway-hung').map((m: { line: number; fact: string }) => [m.line, m.fact])).toEqual([
      [1, 'process-alive'],
      [3, 'port-not-listening'],
    ]);
    // One of the two lines alone is not a hung process.
    expect((await explain(['Status: live'])).stdout).not.toContain('gateway-hung');
  });

  it('says so when nothing is known, showing the masked template', async () => {
    const r = await explain(['ERROR frobnicator 42 exploded']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No known failure signature');
    expect(r.stdout).toContain('frobnicator <num> exploded');
  });

  it('empty input is a usage error without a stack trace', async () => {
    const r = await explain([], '   \n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing to explain');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--each-line answers every line on its own: JSON Lines in input order, blank lines skipped', async () => {
    const input = 'EADDRINUSE: address already in use 127.0.0.1:18789\n\nERROR frobnicator 42 exploded\nunauthorized: gateway token mismatch (set gateway.remote.token)\n';
    const r = await explain(['--each-line', '--json'], input);
    expect(r.code).toBe(1);
    const answers = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(answers.map((a) => [a.line, a.causes[0] ?? null])).toEqual([
      [1, 'port-conflict'],
      [3, null],
      [4, 'token-mismatch'],
    ]);
    expect(answers[0]).toMatchObject({ severity: 'error', signatures: ['gateway.port-in-use'] });

    // Arguments are lines too; the human form names the cause or says there is none.
    const human = await explain(['--each-line', 'pairing required', 'nothing to see here']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^\s+1\s+pairing-required \(warning\)\s+pairing required$/m);
    expect(human.stdout).toMatch(/^\s+2\s+\(no known signature\)\s+nothing to see here$/m);
  });

  it('when nothing matches it says so plainly and what to put in a bug report', async () => {
    const r = await explain(['ERROR frobnicator 42 exploded']);
    expect(r.stdout).toContain('this toolkit does not recognise it');
    expect(r.stdout).toContain('the line exactly as printed');
    expect(r.stdout).toContain('the OpenClaw version');
  });
});
