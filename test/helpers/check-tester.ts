// A RuleTester for doctor checks (after ESLint's): fixtures that must pass, fixtures that must
// fail with given findings, and for repairs the state after --fix plus a second run that finds
// nothing and a second --fix that changes nothing.
import fs from 'node:fs';
import JSON5 from 'json5';
import { describe, expect, it } from 'vitest';
import type { Check, Finding } from '../../src/engine/check.js';
import { runDoctor, type DoctorOptions } from '../../src/engine/doctor.js';
import { useFixtures, type FixtureCopy } from './fixtures.js';

export interface InvalidCase {
  fixture: string;
  /** Expected findings of this check, in order; each is matched partially (toMatchObject). */
  findings: Partial<Finding>[];
  /** Run --fix (with --yes when set) and expect this config afterwards (object or predicate). */
  fixed?: { yes?: boolean; config?: Record<string, unknown> | ((cfg: any) => void) };
  options?: Partial<DoctorOptions>;
}

export interface TesterCases {
  valid: (string | { fixture: string; options?: Partial<DoctorOptions> })[];
  invalid: InvalidCase[];
}

export function runOn(fx: FixtureCopy, check: Check, extra: Partial<DoctorOptions> = {}) {
  return runDoctor({ checks: [check], paths: fx.paths, env: fx.env, recordedDir: fx.factsDir, timeoutMs: 2000, tmpdir: fx.root, ...extra });
}

function readConfig(fx: FixtureCopy): any {
  return JSON5.parse(fs.readFileSync(fx.configPath, 'utf8')); // a text repair keeps the file's JSON5
}

export function testCheck(check: Check, cases: TesterCases): void {
  describe(check.meta.id, () => {
    const copy = useFixtures();

    it('has complete metadata', () => {
      const m = check.meta;
      expect(m.id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
      expect(m.area).toBe(m.id.split('/')[0]);
      expect(m.title.length).toBeGreaterThan(5);
      expect(m.facts.length).toBeGreaterThan(0);
      expect(m.docs).toBeTruthy();
      expect(['none', 'safe', 'confirm']).toContain(m.fix);
      if (m.fix !== 'none') expect(typeof check.repair).toBe('function');
    });

    for (const v of cases.valid) {
      const name = typeof v === 'string' ? v : v.fixture;
      it(`passes on ${name}`, async () => {
        const run = await runOn(copy(name), check, typeof v === 'string' ? {} : v.options);
        expect(run.findings).toEqual([]);
      });
    }

    for (const c of cases.invalid) {
      it(`fails on ${c.fixture}`, async () => {
        const fx = copy(c.fixture);
        const run = await runOn(fx, check, c.options);
        expect(run.findings.map((f) => f.checkId)).toEqual(c.findings.map(() => check.meta.id));
        run.findings.forEach((f, i) => expect(f).toMatchObject(c.findings[i]));
        for (const f of run.findings) expect(f.message.length).toBeGreaterThan(10);
      });
      if (!c.fixed) continue;
      it(`repairs ${c.fixture}, verifies, and a second --fix changes nothing`, async () => {
        const fx = copy(c.fixture);
        const fixed = await runOn(fx, check, { ...c.options, fix: true, yes: c.fixed!.yes });
        const applied = fixed.report.fixes ?? [];
        expect(applied.length).toBeGreaterThan(0);
        for (const f of applied) expect(f).toMatchObject({ status: 'applied', verified: true });
        if (c.fixed!.config !== undefined) {
          if (typeof c.fixed!.config === 'function') (c.fixed!.config as (cfg: any) => void)(readConfig(fx));
          else expect(readConfig(fx)).toEqual(c.fixed!.config);
        }
        expect(fixed.findings).toEqual([]);
        const bytes = fs.existsSync(fx.configPath) ? fs.readFileSync(fx.configPath, 'utf8') : undefined;
        const again = await runOn(fx, check, { ...c.options, fix: true, yes: c.fixed!.yes });
        expect(again.findings).toEqual([]);
        expect(again.report.fixes ?? []).toEqual([]);
        expect(fs.existsSync(fx.configPath) ? fs.readFileSync(fx.configPath, 'utf8') : undefined).toBe(bytes);
      });
    }
  });
}
