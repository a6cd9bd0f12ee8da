// The one check test harness, after ESLint's RuleTester. For one check: `valid` fixtures (no finding)
// and `invalid` fixtures (the findings it must report, asserted by checkId, severity, messageId and
// params, never by English text). An invalid case with `fixed` runs the repair through the engine
// (planner -> executor -> journal), re-runs the check (the finding is gone, and a second --fix
// changes nothing), then `--undo` (undoLastFix): the config comes back byte for byte and the same
// findings (check, severity, messageId, path) return.
//
// A case names a fixture in fixtures/: `<name>` is a doctor fixture (fixture.json + state/, run
// through runDoctor), `subsystems-<area>/<case>` a subsystem fixture (case.json fixes the clock),
// or a key of `facts` (hand-made facts, detect only; a repair case still runs on the fixture).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import JSON5 from 'json5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfigFile } from '../../src/config/load.js';
import { resolvePaths } from '../../src/config/paths.js';
import type { Check, Finding, Severity } from '../../src/engine/check.js';
import type { Facts } from '../../src/facts/types.js';
import { runDoctor, type DoctorOptions } from '../../src/engine/doctor.js';
import { executeFixes, type FixResult } from '../../src/engine/executor.js';
import { undoLastFix } from '../../src/engine/journal.js';
import { planFixes } from '../../src/engine/planner.js';
import { runChecks } from '../../src/engine/runner.js';
import { collectConfig } from '../../src/facts/config.js';
import { collectSubsystemFacts } from '../../src/facts/collect-subsystems.js';
import { startStrictBackend, type StrictBackend } from '../../src/subsystems/models/strict-backend.js';
import { FIXTURES, copyFixture, type FixtureCopy } from './fixtures.js';

/** What a finding must carry; anything else given (path, cause, evidence, data...) is matched too. */
export type ExpectedFinding = Partial<Finding> & { severity: Severity; messageId: string };

export interface InvalidCase {
  fixture: string;
  /** This check's findings on the fixture, in order; each is matched partially (toMatchObject). */
  findings: ExpectedFinding[];
  /** Repair it (with --yes when set) and expect this config afterwards (object or assertion callback). */
  fixed?: { yes?: boolean; config?: Record<string, unknown> | ((cfg: any) => void) };
  options?: Partial<DoctorOptions>;
}

export type ValidCase = string | { fixture: string; options?: Partial<DoctorOptions> };

export interface TesterCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
  /**
   * A repair that acts on processes or locks (stops a pid, removes a lock) has no config to undo
   * and needs a real process: name the e2e test file that runs it against one instead.
   */
  repairTestedIn?: string;
  /** Named hand-made facts (e.g. remote probes): a case whose fixture is one of these names runs on them. */
  facts?: Record<string, Facts | (() => Promise<Facts>)>;
  /** A secret the fixtures hold that no finding may carry (redaction). */
  neverShows?: RegExp;
}

interface SubsystemSpec {
  now: number;
  probe?: boolean;
  offline?: boolean;
}

/** A fixture copied to a temp dir, with how to run one check on it and how to repair through the engine. */
interface Machine {
  stateDir: string;
  configPath: string;
  detect(): Promise<Finding[]>;
  fix(yes: boolean): Promise<{ results: FixResult[]; findings: Finding[] }>;
  cleanup(): void;
}

export function runOn(fx: FixtureCopy, check: Check, extra: Partial<DoctorOptions> = {}) {
  return runDoctor({ checks: [check], paths: fx.paths, env: fx.env, recordedDir: fx.factsDir, timeoutMs: 2000, tmpdir: fx.root, ...extra });
}

function doctorMachine(check: Check, name: string, options: Partial<DoctorOptions> = {}): Machine {
  const fx = copyFixture(name);
  return {
    stateDir: fx.stateDir,
    configPath: fx.configPath,
    detect: async () => (await runOn(fx, check, options)).findings,
    fix: async (yes) => {
      const run = await runOn(fx, check, { ...options, fix: true, yes });
      return { results: run.report.fixes ?? [], findings: run.findings };
    },
    cleanup: fx.cleanup,
  };
}

/** A subsystem fixture: its facts at the clock case.json gives, repaired the way `doctor --fix` does. */
function subsystemMachine(check: Check, name: string): Machine {
  const spec = JSON.parse(fs.readFileSync(path.join(FIXTURES, name, 'case.json'), 'utf8')) as SubsystemSpec;
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-fixture-'));
  fs.cpSync(path.join(FIXTURES, name, 'state'), stateDir, { recursive: true });
  const configPath = path.join(stateDir, 'openclaw.json');
  const env = { OPENCLAW_STATE_DIR: stateDir, HOME: stateDir };
  const collect = () => {
    const r = readConfigFile(configPath);
    return collectSubsystemFacts({ stateDir, config: r.exists ? r.resolved : {}, now: spec.now, probeModels: spec.probe, offline: spec.offline, timeoutMs: 1000 });
  };
  const detect = async () => check.detect(await collect()).map((f) => ({ ...f, checkId: check.meta.id }));
  return {
    stateDir,
    configPath,
    detect,
    fix: async (yes) => {
      const facts = await collect();
      const found = check.detect(facts).map((f) => ({ ...f, checkId: check.meta.id }));
      const paths = resolvePaths({ env });
      const { results } = await executeFixes(planFixes(found, [check], facts, { yes }), { config: collectConfig(paths, env), stateDir, env, paths });
      const after = await detect();
      for (const r of results) r.verified = r.status === 'applied' && after.length === 0;
      return { results, findings: after };
    },
    cleanup: () => fs.rmSync(stateDir, { recursive: true, force: true }),
  };
}

/** Every subsystem fixture (`subsystems-<area>/<case>`): a subsystem check must stay quiet on all but its own. */
export function subsystemFixtures(): string[] {
  const areas = fs.readdirSync(FIXTURES).filter((d) => d.startsWith('subsystems-'));
  return areas.flatMap((area) => fs.readdirSync(path.join(FIXTURES, area)).map((name) => `${area}/${name}`)).sort();
}

/** The subsystem fixtures a check must pass on: all but the ones it fails on. */
export const quietOn = (failing: string[]) => subsystemFixtures().filter((f) => !failing.includes(f));

/** Hand-made facts: detect only (a repair needs a machine to act on). */
function factsMachine(check: Check, facts: Facts | (() => Promise<Facts>)): Machine {
  const none = () => {
    throw new Error('hand-made facts have nothing to repair; use a fixture');
  };
  return { stateDir: '', configPath: '', detect: async () => runChecks([check], typeof facts === 'function' ? await facts() : facts), fix: none, cleanup: () => {} };
}

/** A repair always runs on a fixture machine, even when the same name has hand-made facts to detect on. */
function machine(check: Check, fixture: string, options?: Partial<DoctorOptions>, facts?: TesterCases['facts'], repair = false): Machine {
  if (!repair && facts && Object.hasOwn(facts, fixture)) return factsMachine(check, facts[fixture]);
  return fixture.startsWith('subsystems-') ? subsystemMachine(check, fixture) : doctorMachine(check, fixture, options);
}

const readBytes = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);
/** Which findings: params are left out, since a fix leaves a backup (.bak) a returning finding may name. */
const which = (fs: Finding[]) => fs.map((f) => ({ checkId: f.checkId, severity: f.severity, messageId: f.messageId, path: f.path }));

/** The models fixtures name backends by env: a strict OpenAI-style backend, and a port nobody listens on. */
function useModelBackends(): void {
  let backend: StrictBackend | undefined;
  beforeAll(async () => {
    backend = await startStrictBackend({ models: ['qwen'] });
    process.env.STRICT_BACKEND_URL = backend.url;
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as net.AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    process.env.CLOSED_BACKEND_URL = `http://127.0.0.1:${port}/v1`;
  });
  afterAll(async () => {
    await backend?.close();
    delete process.env.STRICT_BACKEND_URL;
    delete process.env.CLOSED_BACKEND_URL;
  });
}

export function testCheck(check: Check, cases: TesterCases): void {
  describe(check.meta.id, () => {
    const machines: Machine[] = [];
    const open = (fixture: string, options?: Partial<DoctorOptions>, repair = false) => {
      const m = machine(check, fixture, options, cases.facts, repair);
      machines.push(m);
      return m;
    };
    afterAll(() => machines.splice(0).forEach((m) => m.cleanup()));
    const fixtures = [...cases.valid.map((v) => (typeof v === 'string' ? v : v.fixture)), ...cases.invalid.map((c) => c.fixture)];
    if (fixtures.some((f) => f.startsWith('subsystems-models/'))) useModelBackends();

    it('has complete metadata and one valid, one invalid and (with a repair) one repaired case', () => {
      const m = check.meta;
      expect(m.id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
      expect(m.area).toBe(m.id.split('/')[0]);
      expect(m.title.length).toBeGreaterThan(5);
      expect(m.facts.length).toBeGreaterThan(0);
      expect(m.docs).toBeTruthy();
      expect(['none', 'safe', 'confirm']).toContain(m.fix);
      if (m.fix !== 'none') expect(typeof check.repair).toBe('function');
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
      if (check.repair && cases.repairTestedIn) expect(fs.readFileSync(cases.repairTestedIn, 'utf8')).toContain(check.meta.id);
      else if (check.repair) expect(cases.invalid.some((c) => c.fixed)).toBe(true);
    });

    for (const v of cases.valid) {
      const c = typeof v === 'string' ? { fixture: v } : v;
      it(`passes on ${c.fixture}`, async () => {
        expect(await open(c.fixture, c.options).detect()).toEqual([]);
      });
    }

    for (const c of cases.invalid) {
      it(`fails on ${c.fixture}`, async () => {
        const findings = await open(c.fixture, c.options).detect();
        expect(findings.map((f) => f.checkId)).toEqual(c.findings.map(() => check.meta.id));
        findings.forEach((f, i) => expect(f).toMatchObject(c.findings[i]));
        if (cases.neverShows) expect(JSON.stringify(findings)).not.toMatch(cases.neverShows);
        // Text from logs, files and peers is shown escaped: no raw control characters (newlines aside).
        for (const f of findings) expect(`${f.message}\n${f.fixHint ?? ''}`).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      });
      if (!c.fixed) continue;
      const { yes = false, config } = c.fixed;
      it(`repairs ${c.fixture} through the executor and journal, verifies, and --undo brings it back`, async () => {
        const m = open(c.fixture, c.options, true);
        const found = await m.detect();
        const before = readBytes(m.configPath);

        const fixed = await m.fix(yes);
        expect(fixed.results.length).toBeGreaterThan(0);
        for (const r of fixed.results) expect(r).toMatchObject({ checkId: check.meta.id, status: 'applied', verified: true });
        expect(fixed.findings).toEqual([]);
        if (typeof config === 'function') config(JSON5.parse(readBytes(m.configPath)!)); // a text repair keeps JSON5
        else if (config !== undefined) expect(JSON5.parse(readBytes(m.configPath)!)).toEqual(config);

        const bytes = readBytes(m.configPath);
        const again = await m.fix(yes);
        expect(again.findings).toEqual([]);
        expect(again.results).toEqual([]);
        expect(readBytes(m.configPath)).toBe(bytes);

        expect(undoLastFix(m.stateDir)).toBeDefined();
        expect(readBytes(m.configPath)).toBe(before);
        expect(which(await m.detect())).toEqual(which(found));
      });
    }
  });
}
