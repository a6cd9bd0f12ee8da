import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import modeUnset from '../../checks/gateway/mode-unset.js';
import clobbered from '../../checks/config/clobbered.js';
import { applyConfigOps, ConfigOpConflict } from '../../src/engine/apply-config.js';
import { defineCheck } from '../../src/engine/check.js';
import { runDoctor, type DoctorOptions } from '../../src/engine/doctor.js';
import { journalFile, undoLastFix, UndoRefusedError } from '../../src/engine/journal.js';
import { useFixtures, type FixtureCopy } from '../helpers/fixtures.js';

const fixture = useFixtures();
const run = (fx: FixtureCopy, o: Partial<DoctorOptions>) => runDoctor({ paths: fx.paths, env: fx.env, recordedDir: fx.factsDir, tmpdir: fx.root, timeoutMs: 1000, ...o });
const noCopy = () => {
  throw new Error('no copies');
};

/** A check that always wants a config value set (to exercise the executor). */
const wants = (id: string, path: string, value: unknown, fix: 'safe' | 'confirm' = 'safe') =>
  defineCheck({
    meta: { id, title: `wants ${path}`, area: 'test', severity: 'error', facts: ['config'], fix },
    detect: (facts) => {
      const raw = facts.config?.ok ? (facts.config.value.raw as any) : undefined;
      const cur = path.split('.').reduce((o, k) => o?.[k], raw);
      return cur === value ? [] : [{ checkId: id, severity: 'error', message: `${path} should be ${String(value)}`, path }];
    },
    repair: () => [{ op: 'config.set', path, value }],
  });

describe('config operations', () => {
  it('moves a value, and refuses to overwrite a different value at the target', () => {
    const moved = applyConfigOps({ gateway: { token: 'a' } }, [{ op: 'config.move', from: 'gateway.token', to: 'gateway.auth.token' }], noCopy);
    expect(moved).toEqual({ gateway: { auth: { token: 'a' } } });
    expect(applyConfigOps({ gateway: { token: 'a', auth: { token: 'a' } } }, [{ op: 'config.move', from: 'gateway.token', to: 'gateway.auth.token' }], noCopy)).toEqual({ gateway: { auth: { token: 'a' } } });
    expect(() => applyConfigOps({ gateway: { token: 'a', auth: { token: 'b' } } }, [{ op: 'config.move', from: 'gateway.token', to: 'gateway.auth.token' }], noCopy)).toThrow(ConfigOpConflict);
  });
});

describe('executor', () => {
  it('applies every config repair of a run in one atomic write with one backup', async () => {
    const fx = fixture('mode-unset');
    const before = fs.readFileSync(fx.configPath, 'utf8');
    const r = await run(fx, { checks: [modeUnset, wants('test/port', 'gateway.port', 19999)], fix: true });
    expect(r.report.fixes?.map((f) => [f.checkId, f.status, f.verified])).toEqual([
      ['gateway/mode-unset', 'applied', true],
      ['test/port', 'applied', true],
    ]);
    const cfg = JSON.parse(fs.readFileSync(fx.configPath, 'utf8'));
    expect(cfg.gateway).toMatchObject({ mode: 'local', port: 19999 });
    expect(fs.readFileSync(`${fx.configPath}.bak`, 'utf8')).toBe(before);
    expect(fs.existsSync(`${fx.configPath}.bak.1`)).toBe(false);
    expect(fs.statSync(fx.configPath).mode & 0o777).toBe(0o600);
    expect(r.report.backup).toBe(`${fx.configPath}.bak`);
  });

  it('validates the result before writing: an invalid repair is refused and the config is untouched', async () => {
    const fx = fixture('healthy');
    const before = fs.readFileSync(fx.configPath, 'utf8');
    const r = await run(fx, { checks: [wants('test/bad', 'gateway.port', 'not-a-port')], fix: true });
    expect(r.report.fixes?.[0]).toMatchObject({ status: 'failed', reason: expect.stringContaining('refused to write') });
    expect(fs.readFileSync(fx.configPath, 'utf8')).toBe(before);
    expect(fs.readdirSync(fx.stateDir).some((n) => n.startsWith('openclaw.json.rejected.'))).toBe(true);
  });

  it('--dry-run shows the operations and a unified diff, and writes nothing', async () => {
    const fx = fixture('mode-unset');
    const before = fs.readFileSync(fx.configPath, 'utf8');
    const r = await run(fx, { checks: [modeUnset], dryRun: true });
    expect(r.report.dryRun).toBe(true);
    expect(r.report.diff).toContain('+    "mode": "local"');
    expect(r.report.fixes).toEqual([expect.objectContaining({ checkId: 'gateway/mode-unset', status: 'skipped', operations: [{ op: 'config.set', path: 'gateway.mode', value: 'local' }] })]);
    expect(fs.readFileSync(fx.configPath, 'utf8')).toBe(before);
    expect(fs.existsSync(journalFile(fx.stateDir))).toBe(false);
  });

  it('confirm repairs wait for --yes or a yes at the prompt', async () => {
    const fx = fixture('config-clobbered');
    const skipped = await run(fx, { checks: [clobbered], fix: true });
    expect(skipped.report.fixes?.[0]).toMatchObject({ status: 'skipped' });
    const asked: string[] = [];
    const yes = await run(fx, { checks: [clobbered], fix: true, confirm: async (p) => (asked.push(p.checkId), true) });
    expect(asked).toEqual(['config/clobbered']);
    expect(yes.report.fixes?.[0]).toMatchObject({ status: 'applied', verified: true });
    // The clobbered file is kept, not deleted.
    expect(fs.readdirSync(fx.stateDir).filter((n) => n.startsWith('openclaw.json.clobbered.')).length).toBe(1);
  });

  it('--undo restores the exact previous bytes; it refuses when the config changed since, unless forced', async () => {
    const fx = fixture('mode-unset');
    const before = fs.readFileSync(fx.configPath, 'utf8');
    await run(fx, { checks: [modeUnset], fix: true });
    expect(fs.readFileSync(fx.configPath, 'utf8')).not.toBe(before);
    const undone = undoLastFix(fx.stateDir);
    expect(undone?.restoredConfig).toBe(true);
    expect(fs.readFileSync(fx.configPath, 'utf8')).toBe(before);
    expect(undoLastFix(fx.stateDir)).toBeUndefined(); // nothing left to undo

    await run(fx, { checks: [modeUnset], fix: true });
    fs.appendFileSync(fx.configPath, '\n');
    expect(() => undoLastFix(fx.stateDir)).toThrow(UndoRefusedError);
    undoLastFix(fx.stateDir, { force: true });
    expect(fs.readFileSync(fx.configPath, 'utf8')).toBe(before);
  });

  it('a fix that creates the config is undone by moving the file aside, never deleting it', async () => {
    const fx = fixture('no-config');
    await run(fx, { checks: [modeUnset], fix: true });
    expect(JSON.parse(fs.readFileSync(fx.configPath, 'utf8'))).toEqual({ gateway: { mode: 'local', bind: 'loopback', auth: { mode: 'token', token: expect.stringMatching(/^[0-9a-f]{48}$/) } } });
    const r = undoLastFix(fx.stateDir);
    expect(fs.existsSync(fx.configPath)).toBe(false);
    expect(r?.backup && fs.existsSync(r.backup)).toBe(true);
  });
});
