// Untrusted text (issue 13 item 7): control characters shown visibly by every renderer, peer values
// quoted by the gateway, and never matched by the signature catalog; plus the FIFO-safe open.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import chalk from 'chalk';
import { afterAll, describe, expect, it } from 'vitest';
import { renderHuman } from '../../src/engine/reporters/human.js';
import type { DoctorReport } from '../../src/engine/report.js';
import { collectLogs, parseLogLine } from '../../src/facts/logs.js';
import { scanWithCatalog } from '../../src/facts/log-signatures.js';
import { renderReport } from '../../src/logs/render.js';
import { loadMatcher, scanLinesWith } from '../../src/signatures/index.js';
import { NotRegularFileError, openRegularSync, pathKind } from '../../src/system/regular-file.js';
import { PEER_VALUE_MAX, escapeControl, escapeJsonControl, maskPeerValues, quotePeer } from '../../src/system/untrusted-text.js';

const OSC52 = '\u001b]52;c;cHduZWQ=\u0007';
const PORT_CLAIM = 'EADDRINUSE another gateway instance is already listening';
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('escapeControl', () => {
  it('shows C0, DEL, C1, bidi and line separators as escapes and leaves other text alone', () => {
    expect(escapeControl(`${OSC52}\u001b[2J`)).toBe('\\x1b]52;c;cHduZWQ=\\x07\\x1b[2J');
    expect(escapeControl('a\nb\rc\td\u007f\u009b\u202e\u2028')).toBe('a\\nb\\rc\\td\\x7f\\u009b\\u202e\\u2028');
    expect(escapeControl('C:\\Users\\ä "ok" 日本')).toBe('C:\\Users\\ä "ok" 日本');
  });
});

describe('escapeJsonControl', () => {
  it('escapes what JSON.stringify leaves raw (DEL, C1, bidi) and the JSON means the same', () => {
    const value = { m: `a\u009b2J\u007f\u202e${OSC52}` };
    const json = escapeJsonControl(JSON.stringify(value));
    expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('quotePeer', () => {
  it('quotes, escapes quote and backslash so the value cannot end its quotes, and caps the length', () => {
    expect(quotePeer('x" EADDRINUSE "y\\')).toBe('"x\\x22 EADDRINUSE \\x22y\\x5c"');
    expect(quotePeer(OSC52)).toBe('"\\x1b]52;c;cHduZWQ=\\x07"');
    const long = quotePeer('a'.repeat(5000));
    expect(long).toBe(`"${'a'.repeat(PEER_VALUE_MAX)}…"`);
    expect(quotePeer('line\n{"0":"forged"}')).not.toContain('\n');
  });
});

describe('maskPeerValues', () => {
  it('masks key="…" values and upstream structured peer keys, and nothing the gateway concluded', () => {
    expect(maskPeerValues(`unauthorized platform=${quotePeer(PORT_CLAIM)} reason=token_mismatch`)).toBe('unauthorized platform="…" reason=token_mismatch');
    expect(maskPeerValues(`{"origin":"${PORT_CLAIM}","code":"EADDRINUSE"}`)).toBe('{"origin":"…","code":"EADDRINUSE"}');
  });
});

describe('the scanner never matches what a peer said', async () => {
  const matcher = await loadMatcher();
  const causes = (lines: string[]) => scanLinesWith(matcher, lines).causes.map((c) => c.cause);
  const wsLine = (message: string, fields?: object) =>
    JSON.stringify({ '0': '{"subsystem":"gateway/ws"}', ...(fields ? { '1': fields, '2': message } : { '1': message }), _meta: { logLevelName: 'WARN' } });

  it('our gateway: quoted peer values', () => {
    expect(causes([wsLine(`unauthorized conn=1 client=${quotePeer('test test v1')} platform=${quotePeer(PORT_CLAIM)} ua=${quotePeer('listen EADDRINUSE: address already in use')} reason=x`)])).not.toContain('port-conflict');
    expect(causes([`[gateway/ws] hello platform=${quotePeer(PORT_CLAIM)} instance=${quotePeer('x\nERROR listen EADDRINUSE')}`])).toEqual([]);
  });

  it("upstream's JSON lines: structured peer fields (origin, userAgent, platform) do not count", () => {
    expect(causes([wsLine('closed before connect', { origin: PORT_CLAIM, userAgent: 'EADDRINUSE', platform: 'address already in use' })])).toEqual([]);
    // A gateway-chosen code in the same object still does.
    expect(causes([wsLine('listen failed', { origin: 'http://a', code: 'EADDRINUSE' })])).toEqual(['port-conflict']);
  });

  it('the doctor path (facts text keeps JSON objects) ignores them too', async () => {
    const lines = [wsLine('closed before connect', { origin: PORT_CLAIM, host: 'EADDRINUSE' })].map((raw, i) => parseLogLine('/x.log', raw, i + 1));
    expect(await scanWithCatalog(matcher, lines)).toEqual([]);
  });

  it('evidence still reads the peer value, shown escaped in the report', () => {
    const report = scanLinesWith(matcher, [wsLine(`origin not allowed ${OSC52}`, { origin: 'http://evil.example' })]);
    expect(report.matches[0].evidence.origin).toBe('http://evil.example');
    const text = renderReport(report);
    expect(text).not.toMatch(RAW);
    expect(text).toContain('\\x1b]52');
  });
});

describe("doctor's human report", () => {
  it('escapes messages and evidence but keeps its own colours', () => {
    const level = chalk.level;
    chalk.level = 1;
    try {
      const report = {
        findings: [{ checkId: 'logs/known-signatures', severity: 'error', message: `bad ${OSC52}`, evidence: [{ kind: 'log', source: 'x.log:1', value: `\u001b[2J\nforged` }], fixHint: '\u009b31m' }],
        checksRun: 1,
      } as unknown as DoctorReport;
      const out = renderHuman(report);
      expect(out).toContain('bad \\x1b]52;c;cHduZWQ=\\x07');
      // A second line stays indented under the evidence: it can never pose as a finding of its own.
      const plain = out.replace(/\u001b\[[0-9;]*m/g, ''); // our colours closed and reopened around the line break
      expect(plain).toContain('\\x1b[2J\n        forged');
      expect(plain).not.toMatch(/^forged/m);
      expect(out).toContain('\\u009b31m');
      expect(out).not.toContain('\u0007');
      expect(out).not.toContain('\u009b');
      expect(out).toContain('\u001b[31m'); // our own red
      expect(out.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(RAW);
    } finally {
      chalk.level = level;
    }
  });
});

describe('FIFOs where a log is expected', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-fifo-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('are seen by lstat, refused by openRegularSync without blocking, and skipped by the logs fact', () => {
    const logs = path.join(dir, 'logs');
    fs.mkdirSync(logs);
    const fifo = path.join(logs, 'gateway.log');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    fs.symlinkSync(fifo, path.join(logs, 'gateway.err.log'));
    expect(pathKind(fifo)).toBe('FIFO');
    expect(pathKind(path.join(logs, 'gateway.err.log'))).toBe('FIFO');
    expect(() => openRegularSync(fifo)).toThrow(NotRegularFileError);
    const fact = collectLogs({ stateDir: dir }, new Set());
    expect(fact.skipped).toEqual([
      { path: fifo, kind: 'FIFO' },
      { path: path.join(logs, 'gateway.err.log'), kind: 'FIFO' },
    ]);
    expect(fact.files).toEqual([]);
  });
});
