// Which instance wrote a log line (src/logs/attribution.ts), and since when a line counts as now
// (src/facts/log-window.ts): real files and their times, no mocks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import knownSignatures from '../../checks/logs/known-signatures.js';
import type { ConfigFact } from '../../src/facts/config.js';
import { dateMatches, scanWithCatalog } from '../../src/facts/log-signatures.js';
import { logWindow } from '../../src/facts/log-window.js';
import { collectLogs, parseLogLine } from '../../src/facts/logs.js';
import type { Facts } from '../../src/facts/types.js';
import { loadMatcher } from '../../src/signatures/index.js';
import { instanceMarks, otherInstance, type InstanceIdentity } from '../../src/logs/attribution.js';

const self: InstanceIdentity = { ports: [18789], configPath: '/home/ana/.openclaw/openclaw.json', stateDir: '/home/ana/.openclaw', pid: 4121, hostname: 'box' };
const who = (text: string, hostname?: string) => otherInstance(instanceMarks(text, hostname), self);

describe('attribution of a line to an instance', () => {
  it('by the port the line carries: host=, "host":, port fields, --port, listening on ws://', () => {
    expect(who('unauthorized conn=1 remote=127.0.0.1 client=x host=127.0.0.1:18801 reason=token_mismatch')).toBe('port 18801');
    expect(who('{"cause":"unauthorized","host":"[::1]:18801","remotePort":18789}')).toBe('port 18801');
    expect(who('gateway start {"port":18801}')).toBe('port 18801');
    expect(who('listening on ws://127.0.0.1:18801 (PID 99)')).toBe('port 18801');
    expect(who('unauthorized host=127.0.0.1:18789 reason=token_mismatch')).toBeUndefined();
    // remotePort is the client's port, not the gateway's.
    expect(who('closed remote=127.0.0.1 remotePort=18801')).toBeUndefined();
  });

  it('by state dir, config path, profile, pid and host name', () => {
    expect(who('Invalid config at /home/ana/.openclaw-work/openclaw.json: gateway.port: expected number')).toBe('state dir /home/ana/.openclaw-work');
    expect(who('Invalid config at /home/ana/.openclaw/openclaw.json: gateway.port: expected number')).toBeUndefined();
    expect(who('saved unreadable config as /home/ana/.openclaw/openclaw.json.clobbered.2026-11-22T02-18-55-120Z')).toBeUndefined();
    expect(who('started by `openclaw --profile work gateway`')).toBe('profile work');
    // This gateway's pid is positive evidence even next to another port (a client that used a tunnel).
    expect(who('Nov 22 02:18:55 box openclaw-gateway[4121]: rejected host=127.0.0.1:18801')).toBeUndefined();
    expect(who('gateway token mismatch', 'container-7f')).toBe('host container-7f');
    expect(who('gateway token mismatch', 'box')).toBeUndefined();
  });

  it('a line that names nothing stays this install\'s (benefit of the doubt), and ~/.openclaw is not an absolute path', () => {
    expect(who('unauthorized: gateway token mismatch')).toBeUndefined();
    expect(who('edit ~/.openclaw/openclaw.json and retry')).toBeUndefined();
  });

  // Quadratic backtracking on these would outlast the test timeout; the regexes start once per path.
  it('hostile lines (a 256 KiB run of slashes, of "host=") name no instance and do not hang', () => {
    for (const junk of ['/'.repeat(256 * 1024), 'host='.repeat(50_000), `/${'a/'.repeat(100_000)}.openclaw`]) expect(who(junk)).toBeUndefined();
    expect(who(`${' '.repeat(5000)}host=127.0.0.1:18801`)).toBeUndefined(); // past the first 4 KiB: not searched
  });
});

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function tempState(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-log-scope-'));
  dirs.push(d);
  fs.mkdirSync(path.join(d, 'logs'));
  return d;
}
const setTime = (file: string, ms: number) => fs.utimesSync(file, ms / 1000, ms / 1000);

describe('the log window', () => {
  const now = Date.parse('2026-12-06T16:00:00Z');
  const held = (createdAt: string) => ({ state: 'held' as const, path: '/x.lock', lock: { pid: 1, createdAt, configPath: '/c' }, configPath: '/c' });

  it('is the running gateway\'s start, or a later config write or doctor repair, else the last 24 h; --since overrides', () => {
    const stateDir = tempState();
    const configPath = path.join(stateDir, 'openclaw.json');
    fs.writeFileSync(configPath, '{}');
    setTime(configPath, now - 5 * 3_600_000);
    expect(logWindow({ now, configPath, stateDir })).toEqual({ since: new Date(now - 5 * 3_600_000).toISOString(), reason: 'the config was last written' });
    expect(logWindow({ now, configPath, stateDir, lock: held('2026-12-06T15:00:00.000Z') })).toEqual({ since: '2026-12-06T15:00:00.000Z', reason: 'the running gateway started' });
    const journal = path.join(stateDir, 'logs', 'doctor-journal.jsonl');
    fs.writeFileSync(journal, '{}\n');
    setTime(journal, now - 60_000);
    expect(logWindow({ now, configPath, stateDir, lock: held('2026-12-06T15:00:00.000Z') }).reason).toBe('the last doctor repair');
    expect(logWindow({ now, configPath, stateDir, since: now - 7 * 86_400_000 })).toEqual({ since: new Date(now - 7 * 86_400_000).toISOString(), reason: 'the --since time' });
    setTime(configPath, now - 3 * 86_400_000);
    setTime(journal, now - 3 * 86_400_000);
    expect(logWindow({ now, configPath, stateDir })).toEqual({ since: new Date(now - 86_400_000).toISOString(), reason: 'the last 24 h' });
  });

  it('for recorded facts, file times are ignored (they say when the fixture was checked out)', () => {
    const stateDir = tempState();
    const configPath = path.join(stateDir, 'openclaw.json');
    fs.writeFileSync(configPath, '{}');
    expect(logWindow({ now, configPath, stateDir, recorded: true })).toEqual({ since: new Date(0).toISOString(), reason: 'recorded facts' });
  });
});

describe('collectLogs marks lines of other instances only in the shared directory', () => {
  it("our state dir's lines are ours whatever they name; the shared log's are attributed", () => {
    const stateDir = tempState();
    const upstream = tempState();
    const line = 'unauthorized remote=127.0.0.1 host=127.0.0.1:18801 reason=token_mismatch';
    fs.writeFileSync(path.join(stateDir, 'logs', 'openclaw-2026-12-06.log'), `${line}\n`);
    fs.writeFileSync(path.join(upstream, 'openclaw-2026-12-06.log'), `${line}\n`);
    const fact = collectLogs({ stateDir, upstreamDir: upstream, identity: { ...self, stateDir, configPath: path.join(stateDir, 'openclaw.json') } }, new Set());
    expect(fact.lines.map((l) => [path.dirname(l.file), l.otherInstance])).toEqual([
      [path.join(stateDir, 'logs'), undefined],
      [upstream, 'port 18801'],
    ]);
    expect(fact.files.every((f) => typeof f.mtimeMs === 'number')).toBe(true);
  });
});

describe('logs/known-signatures: history, unless a live fact still shows the problem', () => {
  const invalidLine = (at: string) => JSON.stringify({ '0': 'Invalid config at /home/ana/.openclaw/openclaw.json: gateway.port: expected number', _meta: { logLevelName: 'ERROR', date: at }, time: at });
  async function detect(config: Partial<ConfigFact>, window: { since: string; reason: string }, lines: string[]) {
    const parsed = lines.map((t, i) => parseLogLine('/home/ana/.openclaw/logs/openclaw-2026-12-06.log', t, i + 1));
    const matches = dateMatches(await scanWithCatalog(await loadMatcher(), parsed), [{ path: parsed[0].file, size: 1, tail: false, mtimeMs: Date.parse('2026-12-06T14:50:00Z') }]);
    const facts: Facts = { logSignatures: { ok: true, value: { matches, window } }, config: { ok: true, value: { issues: [], ...config } as ConfigFact } };
    return knownSignatures.detect(facts);
  }
  const window = { since: '2026-12-06T15:00:00.000Z', reason: 'the running gateway started' };

  it('an old "Invalid config" line with a valid config now: info, seen earlier, with first/last seen and count', async () => {
    const found = await detect({}, window, [invalidLine('2026-12-06T14:40:00.000Z'), invalidLine('2026-12-06T14:46:10.000Z')]);
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'info',
        message: expect.stringContaining('seen earlier, last at 2026-12-06 14:46 UTC (2 lines), not seen since the running gateway started at 2026-12-06 15:00 UTC'),
        details: { signatureId: 'config.invalid', count: '2', firstSeen: '2026-12-06T14:40:00.000Z', lastSeen: '2026-12-06T14:46:10.000Z' },
      }),
    ]);
  });

  it('the same line while the config is still invalid: the error stays', async () => {
    const found = await detect({ issues: [{ path: 'gateway.port', message: 'expected number' }] as ConfigFact['issues'] }, window, [invalidLine('2026-12-06T14:40:00.000Z')]);
    expect(found.map((f) => f.severity)).toEqual(['error']);
  });

  it('an undated plain line is as old as its file: written before the window, it is history', async () => {
    const found = await detect({}, window, ['Invalid config at /home/ana/.openclaw/openclaw.json: gateway.port: expected number']);
    expect(found).toEqual([expect.objectContaining({ severity: 'info', message: expect.stringContaining('seen earlier, last before 2026-12-06 15:00 UTC'), details: { signatureId: 'config.invalid', count: '1' } })]);
  });
});
