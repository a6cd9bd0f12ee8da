// The pieces of the support bundle: control characters escaped, the report made stable, the
// archive reproducible whatever order its files come in, and the exclusive atomic write.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/config/write.js';
import type { DoctorReport } from '../../src/engine/report.js';
import { escapeControl } from '../../src/logs/escape.js';
import { stableReport } from '../../src/support/bundle.js';
import { reproducibleTarGz } from '../../src/support/tar.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-bundle-unit-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('escapeControl', () => {
  it('shows C0 (but tab and newline), DEL, C1 and bidi overrides as escapes and keeps other text', () => {
    expect(escapeControl('a\x1b[2Jb\x07c\x00d\x7fe\x9bf')).toBe('a\\x1b[2Jb\\x07c\\x00d\\x7fe\\x9bf');
    expect(escapeControl('abc\u202edcba\u2066')).toBe('abc\\u{202e}dcba\\u{2066}');
    expect(escapeControl('tab\there\nnext line: ünïcode ✓ 日本')).toBe('tab\there\nnext line: ünïcode ✓ 日本');
    expect(escapeControl('\r')).toBe('\\x0d');
  });
});

describe('stableReport', () => {
  it('drops the duration and reads times measured in the text as <n> ms', () => {
    const report = {
      schemaVersion: 1,
      ok: false,
      checksRun: 2,
      checksSkipped: 0,
      durationMs: 87,
      findings: [{ checkId: 'gateway/not-running', severity: 'warning', message: 'nothing after 72 ms', evidence: [{ kind: 'probe', source: 'ws', value: 'refused after 1.5ms; port 18789' }] }],
    } as unknown as DoctorReport;
    const stable = stableReport(report);
    expect(stable).not.toHaveProperty('durationMs');
    expect(stable.findings[0]!.message).toBe('nothing after <n> ms');
    expect(stable.findings[0]!.evidence![0]!.value).toBe('refused after <n> ms; port 18789');
    expect(report.durationMs).toBe(87); // a copy: the printed report is untouched
  });
});

describe('reproducibleTarGz', () => {
  it('gives the same bytes for the same files in any order, and the system tar reads them back', async () => {
    const files = [
      { name: 'b/second.txt', content: 'two\n' },
      { name: 'a.json', content: '{"one":1}\n' },
      { name: 'b/bytes.bin', content: new Uint8Array([0, 1, 2, 255]) },
    ];
    const one = await reproducibleTarGz(files);
    const two = await reproducibleTarGz([...files].reverse());
    expect(one.equals(two)).toBe(true);
    expect(one.readUInt32LE(4)).toBe(0);
    const file = path.join(dir, 'x.tar.gz');
    fs.writeFileSync(file, one);
    const list = spawnSync('tar', ['-tzf', file], { encoding: 'utf8', timeout: 10_000 });
    expect(list.stdout.trim().split('\n')).toEqual(['a.json', 'b/bytes.bin', 'b/second.txt']);
    const out = spawnSync('tar', ['-xzOf', file, 'b/second.txt'], { encoding: 'utf8', timeout: 10_000 });
    expect(out.stdout).toBe('two\n');
  });
});

describe('writeFileAtomic, exclusive', () => {
  it('writes bytes with the mode, refuses an existing file (EEXIST) and leaves no temp file', () => {
    const file = path.join(dir, 'bundle.tar.gz');
    writeFileAtomic(file, new Uint8Array([1, 2, 3]), 0o600, { exclusive: true });
    expect([...fs.readFileSync(file)]).toEqual([1, 2, 3]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(() => writeFileAtomic(file, 'other', 0o600, { exclusive: true })).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect([...fs.readFileSync(file)]).toEqual([1, 2, 3]);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    writeFileAtomic(file, 'replaced');
    expect(fs.readFileSync(file, 'utf8')).toBe('replaced');
  });
});
