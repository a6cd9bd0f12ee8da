import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defineCheck, type Check } from '../../src/engine/check.js';
import { runDoctor } from '../../src/engine/doctor.js';
import { CheckLoadError, loadChecks } from '../../src/engine/loader.js';
import { factsNeeded, runChecks, selectChecks, SelectionError } from '../../src/engine/runner.js';
import { createContext, collectFacts } from '../../src/facts/collect.js';
import { copyFixture, type FixtureCopy } from '../helpers/fixtures.js';

const probeRefused = async (o: { url: string }) => ({ ok: false, url: o.url, durationMs: 1, connect: { ok: false, rpcOk: false, error: { kind: 'refused' as const, message: 'ECONNREFUSED' } }, warnings: [] });

const copies: FixtureCopy[] = [];
const tmp: string[] = [];
afterEach(() => {
  for (const c of copies.splice(0)) c.cleanup();
  for (const d of tmp.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const fixture = (n: string) => {
  const fx = copyFixture(n);
  copies.push(fx);
  return fx;
};

const throwing = defineCheck({
  meta: { id: 'test/throws', title: 'A check that throws', area: 'test', severity: 'error', facts: ['config'], fix: 'none' },
  detect() {
    throw new Error('boom');
  },
});

describe('runner', () => {
  it('turns a check that throws into a finding about itself and keeps going', () => {
    const ok = defineCheck({ meta: { id: 'test/ok', title: 'ok', area: 'test', severity: 'info', facts: [], fix: 'none' }, detect: () => [{ checkId: 'test/ok', severity: 'info', message: 'still ran' }] });
    const findings = runChecks([throwing, ok], {});
    expect(findings).toEqual([
      expect.objectContaining({ checkId: 'test/throws', data: { crashed: true }, message: expect.stringContaining('boom') }),
      expect.objectContaining({ checkId: 'test/ok', message: 'still ran' }),
    ]);
  });

  it('selects by id, by area and by comma lists; an unknown id is a usage error', async () => {
    const all = await loadChecks();
    expect(selectChecks(all, ['gateway/mode-unset']).selected.map((c) => c.meta.id)).toEqual(['gateway/mode-unset']);
    const heartbeat = selectChecks(all, ['heartbeat']).selected;
    expect(heartbeat.length).toBe(all.filter((c) => c.meta.area === 'heartbeat').length);
    expect(heartbeat.length).toBeGreaterThanOrEqual(4);
    expect(selectChecks(all, [], ['heartbeat', 'browser/*']).selected.some((c) => /^(heartbeat|browser)\//.test(c.meta.id))).toBe(false);
    expect(() => selectChecks(all, ['gateway/nope'])).toThrow(SelectionError);
  });

  it('collects only the facts the selected checks read', async () => {
    const all = await loadChecks();
    const { selected } = selectChecks(all, ['system/memory-low', 'system/node-version']);
    expect(factsNeeded(selected)).toEqual(['system']);
    expect(factsNeeded(selectChecks(all, ['system']).selected).sort()).toEqual(['disk', 'memory', 'system']);
    const fx = fixture('healthy');
    const run = await runDoctor({ checks: selected, paths: fx.paths, env: fx.env, timeoutMs: 1000, probe: probeRefused });
    expect(Object.keys(run.facts)).toEqual(['system']);
  });

  it('gives each fact its own timeout: a hung probe makes only the gateway fact unavailable', async () => {
    const fx = fixture('healthy');
    const ctx = createContext({ paths: fx.paths, env: fx.env, timeoutMs: 100, probe: () => new Promise(() => {}) });
    const started = Date.now();
    const facts = await collectFacts(ctx, ['gateway', 'config', 'system']);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(facts.gateway).toMatchObject({ ok: false, reason: expect.stringContaining('did not answer within') });
    expect(facts.config?.ok).toBe(true);
    expect(facts.system?.ok).toBe(true);
  });

  it('reads the config once even though many collectors need it', async () => {
    const fx = fixture('healthy');
    const ctx = createContext({ paths: fx.paths, env: fx.env, timeoutMs: 1000, probe: probeRefused });
    const first = ctx.config();
    await collectFacts(ctx, ['config', 'heartbeat', 'logs', 'browser']);
    expect(ctx.config()).toBe(first);
  });
});

describe('loader', () => {
  function dir(files: Record<string, string>): string {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'doctor-loader-'));
    tmp.push(d);
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(d, rel)), { recursive: true });
      fs.writeFileSync(path.join(d, rel), text);
    }
    return d;
  }
  const mod = (id: string) => `export default { meta: { id: '${id}', title: 't', area: 'x', severity: 'info', facts: [], fix: 'none' }, detect: () => [] };\n`;

  it('loads every check module recursively (other teams add folders) and ignores helpers', async () => {
    const d = dir({ 'a/one.js': mod('a/one'), 'service/deep/two.js': mod('service/two'), 'a/helper.js': 'export const x = 1;\n', 'a/_private.js': 'throw new Error("not loaded")' });
    const checks: Check[] = await loadChecks(d);
    expect(checks.map((c) => c.meta.id)).toEqual(['a/one', 'service/two']);
  });

  it('refuses two modules with the same id', async () => {
    const d = dir({ 'a.js': mod('x/same'), 'b.js': mod('x/same') });
    await expect(loadChecks(d)).rejects.toThrow(CheckLoadError);
  });

  it('every shipped check has a unique id, docs pointer and the facts it reads', async () => {
    const all = await loadChecks();
    expect(all.length).toBeGreaterThanOrEqual(32);
    for (const c of all) {
      // upstream: a real OpenClaw message of the corpus (test/corpus/upstream-messages.jsonl).
      expect(c.meta.docs, c.meta.id).toMatch(/^(seeds|reference|upstream): /);
      expect(c.meta.facts.length, c.meta.id).toBeGreaterThan(0);
    }
  });
});

describe('facts without a collector', () => {
  it('are reported unavailable, not silently missing (a check from another team may need one)', async () => {
    const fx = fixture('healthy');
    const needsServices = defineCheck({
      meta: { id: 'future/example', title: 'needs a fact no collector provides', area: 'future', severity: 'warning', facts: ['telemetry' as never], fix: 'none' },
      detect: (facts) => ((facts as Record<string, { ok: boolean } | undefined>).telemetry?.ok ? [] : [{ checkId: 'future/example', severity: 'info', message: 'telemetry fact unavailable' }]),
    });
    const run = await runDoctor({ checks: [needsServices], paths: fx.paths, env: fx.env, timeoutMs: 500, probe: probeRefused });
    expect(run.report.unavailable).toEqual({ telemetry: 'no collector for "telemetry" in this build' });
    expect(run.findings.map((f) => f.message)).toEqual(['telemetry fact unavailable']);
  });
});
