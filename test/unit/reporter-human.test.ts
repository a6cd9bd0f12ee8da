// The human report reads like a doctor's: areas with a verdict, repairs in words, each check's
// repair once, multi-line evidence kept under its finding.
import { describe, expect, it } from 'vitest';
import { describeOperation, type Operation } from '../../src/engine/operations.js';
import type { DoctorReport } from '../../src/engine/report.js';
import { renderHuman } from '../../src/engine/reporters/human.js';

const base: DoctorReport = { schemaVersion: 1, ok: true, checksRun: 3, checksSkipped: 0, findings: [] };

const EVERY_OP: Record<Operation['op'], [Operation, string]> = {
  'config.set': [{ op: 'config.set', path: 'gateway.mode', value: 'local' }, 'set gateway.mode to "local"'],
  'config.unset': [{ op: 'config.unset', path: 'gateway.prot' }, 'remove gateway.prot from the config'],
  'config.move': [{ op: 'config.move', from: 'gateway.prot', to: 'gateway.port' }, 'move the value of gateway.prot to gateway.port'],
  'config.restore': [{ op: 'config.restore', from: '/s/openclaw.json.last-good', keepCurrentAs: '/s/openclaw.json.broken' }, 'replace the config with /s/openclaw.json.last-good (the current file is kept as /s/openclaw.json.broken)'],
  'config.repair-text': [{ op: 'config.repair-text', line: 3, column: 5, insert: ',', description: 'insert the missing `,` after the value' }, 'insert the missing `,` after the value (line 3, column 5)'],
  'file.chmod': [{ op: 'file.chmod', path: '/s/openclaw.json', mode: 0o600 }, 'change the mode of /s/openclaw.json to 0600'],
  'file.remove': [{ op: 'file.remove', path: '/s/x.tmp' }, 'remove /s/x.tmp'],
  'lock.clear': [{ op: 'lock.clear', path: '/s/gateway.lock', pid: 42 }, 'remove the stale lock /s/gateway.lock (of pid 42)'],
  'port.free': [{ op: 'port.free', port: 18789, pid: 7, command: 'node old-gateway' }, 'stop pid 7 (node old-gateway) to free port 18789'],
  'gateway.restart': [{ op: 'gateway.restart' }, 'restart the gateway'],
  'service.install': [{ op: 'service.install', force: true }, 'install the gateway service, replacing the installed definition'],
};

describe('human report', () => {
  it('describes every operation kind in words', () => {
    for (const [kind, [op, words]] of Object.entries(EVERY_OP)) {
      expect(describeOperation(op), kind).toBe(words);
      expect(describeOperation(op)).not.toContain('{"op"');
    }
  });

  it('the dry run lists operations in words, never raw JSON', () => {
    const ops = Object.values(EVERY_OP).map(([op]) => op);
    const text = renderHuman({ ...base, dryRun: true, fixes: [{ checkId: 'config/x', status: 'skipped', operations: ops, verified: false, reason: 'dry run: nothing was changed' }] });
    expect(text).not.toContain('{"op"');
    for (const [, words] of Object.values(EVERY_OP)) expect(text).toContain(`      ${words}`);
  });

  it('"fixed" once per check, with what changed', () => {
    const op: Operation = { op: 'file.chmod', path: '/s/a', mode: 0o600 };
    const op2: Operation = { op: 'file.chmod', path: '/s/b', mode: 0o600 };
    const text = renderHuman({ ...base, fixes: [
      { checkId: 'state/permissions', status: 'applied', operations: [op], verified: true },
      { checkId: 'state/permissions', status: 'applied', operations: [op2], verified: true },
    ] });
    expect(text.match(/fixed/g)).toHaveLength(1);
    expect(text).toContain('fixed    state/permissions\n      change the mode of /s/a to 0600\n      change the mode of /s/b to 0600');
  });

  it('a ✓/!/✖ line per area; multi-line evidence stays indented; control characters escaped', () => {
    const text = renderHuman(
      { ...base, ok: false, findings: [
        { checkId: 'logs/x', severity: 'warning', message: 'two\nlines', evidence: [{ kind: 'log', source: 'gateway.log', value: 'first\nsecond \x1b[2J' }] },
        { checkId: 'system/y', severity: 'info', message: 'a note' },
      ] },
      { areas: ['logs', 'system', 'config'] },
    );
    expect(text).toMatch(/^! logs$/m);
    expect(text).toMatch(/^✓ system$/m);
    expect(text).toMatch(/^✓ config$/m);
    expect(text).toContain('      gateway.log: first\n        second \\x1b[2J');
    expect(text).toContain('▲ warning  two\n               lines');
    for (const line of text.split('\n')) expect(line).not.toMatch(/^(second|lines)/);
  });
});
