import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LineFeeder, scanFile } from '../../src/logs/read.js';
import { LogScanner } from '../../src/logs/scanner.js';
import { defaultLogSources } from '../../src/logs/sources.js';
import { scanLines, scanLinesWith } from '../../src/signatures/index.js';
import { catalogDir, loadCatalogFromYaml } from '../../src/signatures/load.js';
import { CompiledCatalog } from '../../src/signatures/matcher.js';

let compiled: CompiledCatalog;
let tmp: string;
beforeAll(async () => {
  compiled = new CompiledCatalog(await loadCatalogFromYaml(catalogDir()));
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'logscan-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function scanWithBuffer(text: string, size: number) {
  const scanner = new LogScanner(compiled);
  scanner.beginSource();
  const feeder = new LineFeeder(scanner, size);
  // Feed in awkward pieces so lines straddle every boundary.
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += 7) feeder.push(bytes.subarray(i, i + 7));
  feeder.end();
  return scanner.report();
}

const SAMPLE = [
  '2026-11-22T02:00:00.000Z [gateway] info started',
  'heartbeat skipped reason=quiet-hours',
  'gateway connect failed: unauthorized',
  JSON.stringify({ '0': 'Error: listen EADDRINUSE: address already in use 127.0.0.1:18789', _meta: { logLevelName: 'ERROR' } }),
  'Error: gateway failed to start',
  '    at Server.setupListenHandle [as _listen2] (node:net:1908:16)',
  'Caused by: Error: listen EADDRINUSE: address already in use :::19001',
  '    at listenInCluster (node:net:1965:12)',
  '[gateway] error something novel 1 happened',
  '[gateway] error something novel 2 happened',
  'no newline at the end: pairing required',
].join('\n');

describe('LogScanner', () => {
  it('reports the issue JSON shape, causes ranked specific before catch-all, then by severity, specificity and first occurrence', () => {
    const report = scanLinesWith(compiled, SAMPLE.split('\n'));
    expect(Object.keys(report)).toEqual(['scanned', 'matches', 'causes', 'unrecognized']);
    expect(report.scanned).toEqual({ lines: 11, bytes: Buffer.byteLength(SAMPLE) });
    expect(report.causes.map((c) => [c.cause, c.severity, c.count, c.firstLine])).toEqual([
      ['port-conflict', 'error', 2, 4],
      ['pairing-required', 'warning', 1, 11],
      ['heartbeat-skipped', 'info', 1, 2],
      // A bare "unauthorized" is a catch-all: below every specific signature, whatever its severity.
      ['token-mismatch', 'error', 1, 3],
    ]);
    // The heartbeat line's signature narrows its cause with a one-line detail; the others have none.
    expect(Object.keys(report.matches[0])).toEqual(['signature', 'cause', 'severity', 'line', 'text', 'evidence', 'detail']);
    expect(Object.keys(report.matches[1])).toEqual(['signature', 'cause', 'severity', 'line', 'text', 'evidence']);
    expect(Object.keys(report.causes[0])).toEqual(['cause', 'severity', 'count', 'firstLine', 'signatures', 'title', 'explanation', 'fix']);
    // Every cause is shown with its one text from causes.yaml.
    for (const c of report.causes) expect([c.title, c.explanation, c.fix]).toEqual([compiled.causes[c.cause].title, compiled.causes[c.cause].explanation, compiled.causes[c.cause].fix]);
    expect(report.unrecognized).toEqual([{ template: '[gateway] error something novel <num> happened', count: 2, example: '[gateway] error something novel 1 happened' }]);
  });

  it('joins a stack trace to the line it hangs from: a hit in the trace is reported at the head line', () => {
    const report = scanLinesWith(compiled, SAMPLE.split('\n'));
    const trace = report.matches.find((m) => m.line === 5);
    expect(trace).toMatchObject({ signature: 'gateway.port-in-use', text: 'Error: gateway failed to start', evidence: { port: '19001' } });
    expect(report.matches.map((m) => m.line)).toEqual([2, 3, 4, 5, 11]);
  });

  it('gives the same result whatever the buffer size and chunking (lines cut at boundaries)', () => {
    const whole = scanLinesWith(compiled, SAMPLE.split('\n'));
    for (const size of [4096, 256, 128]) {
      const r = scanWithBuffer(SAMPLE, size);
      expect(r.scanned).toEqual(whole.scanned);
      expect(r.causes.map((c) => [c.cause, c.count])).toEqual(whole.causes.map((c) => [c.cause, c.count]));
    }
  });

  it('scans an over-long line in pieces instead of growing memory', () => {
    const long = `${'x'.repeat(5000)} EADDRINUSE ${'y'.repeat(5000)}\nnext line`;
    const r = scanWithBuffer(long, 1024);
    expect(r.causes.map((c) => c.cause)).toEqual(['port-conflict']);
  });

  it('--since skips older stamped lines and keeps the rest', () => {
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const lines = [
      `${iso(now - 3_600_000)} Error: listen EADDRINUSE :::18789`,
      `${iso(now - 60_000)} gateway did not become ready`,
      'unstamped continuation: EADDRINUSE',
    ];
    const r = scanLinesWith(compiled, lines, { since: now - 600_000 });
    expect(r.causes.map((c) => [c.cause, c.firstLine])).toEqual([
      ['restart-health-timeout', 2],
      ['port-conflict', 3],
    ]);
    expect(r.scanned.lines).toBe(3);
  });

  it('caps stored matches but counts every one', () => {
    const r = scanLinesWith(compiled, Array.from({ length: 50 }, () => 'EADDRINUSE'), { maxMatches: 5 });
    expect(r.matches).toHaveLength(5);
    expect(r.causes[0].count).toBe(50);
  });

  it('lets a specific signature beat a generic one on the same line', () => {
    const r = scanLinesWith(compiled, ['unauthorized: device token mismatch (rotate/reissue device token)']);
    expect(r.matches.map((m) => m.signature)).toEqual(['auth.device-token-mismatch']);
  });

  it('scanLines (the doctor API) loads the shipped catalog', async () => {
    const r = await scanLines(['Refusing to bind gateway to lan without auth.']);
    expect(r.causes[0]).toMatchObject({ cause: 'bind-without-auth', severity: 'error', fix: { check: 'gateway/bind-without-auth' } });
  });

  it('scanFile reads from an offset and can leave an unfinished last line for later', async () => {
    const file = path.join(tmp, 'follow.log');
    fs.writeFileSync(file, 'ok line\nEADDRINUSE\npartial EADDR');
    const scanner = new LogScanner(compiled);
    scanner.beginSource(file);
    const offset = await scanFile(scanner, file, 0, true);
    expect(offset).toBe('ok line\nEADDRINUSE\n'.length);
    fs.appendFileSync(file, 'INUSE\n');
    scanner.resumeSource(file, scanner.sourceLines);
    await scanFile(scanner, file, offset, true);
    const r = scanner.report();
    expect(r.causes[0].count).toBe(2);
    expect(r.matches.map((m) => m.line)).toEqual([2, 3]);
  });
});

describe('defaultLogSources', () => {
  it('finds the newest dated log, upstream logging.file and the service logs', () => {
    const state = path.join(tmp, 'state');
    const logs = path.join(state, 'logs');
    fs.mkdirSync(logs, { recursive: true });
    for (const n of ['openclaw-2026-11-20.log', 'openclaw-2026-11-21.log', 'gateway.log', 'gateway.err.log', 'other.log']) fs.writeFileSync(path.join(logs, n), '');
    const upstream = path.join(tmp, 'upstream.log');
    fs.writeFileSync(upstream, '');
    const config = path.join(state, 'openclaw.json');
    fs.writeFileSync(config, JSON.stringify({ logging: { file: upstream } }));
    const found = defaultLogSources({ stateDir: state, configPath: config, tmpDir: tmp });
    expect(found.files).toEqual([path.join(logs, 'openclaw-2026-11-21.log'), upstream, path.join(logs, 'gateway.log'), path.join(logs, 'gateway.err.log')]);
    const old = Date.now() / 1000 - 7200;
    fs.utimesSync(path.join(logs, 'gateway.log'), old, old);
    const recent = defaultLogSources({ stateDir: state, configPath: config, since: Date.now() - 600_000, tmpDir: tmp });
    expect(recent.files).not.toContain(path.join(logs, 'gateway.log'));
    expect(recent.files).toContain(path.join(logs, 'openclaw-2026-11-20.log'));
  });

  it('reads upstream /tmp/openclaw dated logs when logging.file is not set, and survives a broken config', () => {
    const state = path.join(tmp, 'state2');
    fs.mkdirSync(state);
    fs.writeFileSync(path.join(state, 'openclaw.json'), '{ broken');
    fs.mkdirSync(path.join(tmp, 'openclaw'));
    fs.writeFileSync(path.join(tmp, 'openclaw', 'openclaw-2026-11-22.log'), '');
    const found = defaultLogSources({ stateDir: state, configPath: path.join(state, 'openclaw.json'), tmpDir: tmp });
    expect(found.files).toEqual([path.join(tmp, 'openclaw', 'openclaw-2026-11-22.log')]);
  });
});
