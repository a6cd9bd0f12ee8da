// The reasons lower layers give as data (a catalog id and its params) say in English exactly what
// their English fields say, so the English report is unchanged while other locales word the same data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { parseConfigText } from '../../src/config/load.js';
import { validateConfig } from '../../src/config/schema.js';
import { parseCdpUrl } from '../../src/facts/cdp.js';
import { logWindow } from '../../src/facts/log-window.js';
import { lockDirProblemOf, lockDirRemedy } from '../../src/system/gateway-lock.js';
import { bindRef, describeBind, nextStepId, type Exposure } from '../../src/engine/check-helpers.js';
import { NEXT_STEPS, nextStepWords } from '../../src/protocol/errors.js';
import { say, type Check, type Finding } from '../../src/engine/check.js';
import type { Operation } from '../../src/engine/operations.js';
import { planFixes } from '../../src/engine/planner.js';
import { runSideEffect, StepError } from '../../src/engine/side-effects.js';
import { binaryAvailability, type Availability } from '../../src/service/manager.js';
import { probeSystemd } from '../../src/service/systemd-manager.js';
import { en, readCatalog, setLocale, t, type MessageRef } from '../../src/i18n/index.js';
import { createRequire } from 'node:module';
import { detailRef } from '../../src/signatures/detail.js';

const english = (ref: MessageRef | undefined) => (ref ? en(ref.id, ref.params) : undefined);

function parseError(text: string): ConfigError {
  try {
    parseConfigText('/x/openclaw.json', text);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('parsed');
}

describe('config parse errors as data', () => {
  const BROKEN = {
    'missing comma': '{\n  gateway: {\n    mode: "local"\n    port: 1\n  }\n}\n',
    'missing closers': '{\n  gateway: {\n    mode: "local"\n',
    'unclosed string': '{\n  gateway: { mode: "local }\n}\n',
    'string stops the text': '{ a: "x',
    'wrong closer': '{\n  a: [1, 2}\n}\n',
    'invalid character': '{\n<<<<<<< HEAD\n}\n',
    'invalid identifier': '{ a\\u0020b: 1 }',
    empty: '  \n',
    'not an object': '[1, 2]',
    'a string at the top': '"x"',
    'too deep': '['.repeat(200) + ']'.repeat(200),
  };
  for (const [name, text] of Object.entries(BROKEN)) {
    it(`${name}: the reason and hint in English are the message and hint`, () => {
      const e = parseError(text);
      expect(e.reason, name).toBeDefined();
      expect(english(e.reason)).toBe(e.message);
      if (e.hintRef) expect(english(e.hintRef)).toBe(e.hint);
      if (e.repair) expect(english(e.repair.descriptionRef)).toBe(e.repair.description);
    });
  }

  it('in Korean, the reason is worded from its params: positions stay, no English words', () => {
    const e = parseError(BROKEN['missing comma']);
    setLocale('ko');
    try {
      const text = t(e.reason!.id, e.reason!.params);
      expect(text).toContain('JSON5');
      expect(text).toContain('`}`');
      expect(text).not.toMatch(/[a-z]{3,} [a-z]{3,}/);
      expect(t(e.repair!.descriptionRef!.id, e.repair!.descriptionRef!.params)).toMatch(/3번째 줄/);
    } finally {
      setLocale('en');
    }
  });
});

describe('config validation issues as data', () => {
  const CONFIGS = {
    'a number in quotes': { gateway: { port: '18789x' } },
    'a numeric string': { gateway: { port: '18789' } },
    'out of range': { gateway: { port: 70000 } },
    'below range': { gateway: { port: 0 } },
    'not whole': { gateway: { port: 1.5 } },
    'a list': { gateway: { port: [1] } },
    'null': { gateway: { port: null } },
    'a boolean': { gateway: { port: true } },
    'an object for a string': { gateway: { mode: { x: 1 } } },
    'outside a closed set': { gateway: { bind: 'public' } },
    'a typo in a value': { gateway: { auth: { mode: 'tokn' } } },
    'an unknown key, a typo': { gateway: { prot: 1 } },
    'an unknown key': { gateway: { frobnicate: 1 } },
    'the legacy token key': { gateway: { token: 'x' } },
  };
  for (const [name, config] of Object.entries(CONFIGS)) {
    it(`${name}: the reason in English is the message`, () => {
      const issues = validateConfig(config, { reasons: true });
      expect(issues.length, name).toBeGreaterThan(0);
      for (const i of issues) expect(english(i.reason), `${name}: ${i.path}`).toBe(i.message);
    });
  }
});

describe('a CDP URL problem as data', () => {
  for (const value of ['not a url', 'ftp://127.0.0.1:9222', 'http://127.0.0.1:99999', 'file:///tmp/x']) {
    it(`${value}: the problem in English is the English field`, () => {
      const parsed = parseCdpUrl(value);
      expect(parsed.problem, value).toBeDefined();
      expect(english(parsed.problemRef)).toBe(parsed.problem);
    });
  }
});

describe('what set the log window', () => {
  // checks/logs/known-signatures finds the catalog message by its English: each reason has one.
  const now = Date.parse('2026-11-21T12:00:00Z');
  const windows = [
    logWindow({ since: now - 1000, now, configPath: '/nonexistent/c.json', stateDir: '/nonexistent' }),
    logWindow({ now, configPath: '/nonexistent/c.json', stateDir: '/nonexistent', recorded: true }),
    logWindow({ now, configPath: '/nonexistent/c.json', stateDir: '/nonexistent' }),
  ];
  it('every reason the window gives is a logs.window.* message in English', () => {
    const english = ['since-flag', 'gateway-started', 'config-written', 'doctor-repair', 'recorded', 'last-24h'].map((w) => en(`logs.window.${w}`));
    for (const w of windows) expect(english).toContain(w.reason);
    const source = fs.readFileSync(new URL('../../src/facts/log-window.ts', import.meta.url), 'utf8');
    const reasons = [...source.matchAll(/'(the [^']+|recorded facts)'\]/g)].map((m) => m[1]);
    expect(reasons.length).toBeGreaterThan(4);
    for (const r of reasons) expect(english).toContain(r);
  });
});

describe('an unsafe lock folder, as data', () => {
  it('writable by others: the problem and the fix hint in English are what the gateway says', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lower-texts-lock-'));
    try {
      fs.chmodSync(dir, 0o777);
      const found = lockDirProblemOf(dir)!;
      expect(found.problem).toMatch(/writable by other users \(mode 0777\)/);
      expect(english(found.ref)).toBe(found.problem);
      expect(en('gateway/lock-dir-unsafe.gateway-lock-folder.fix', { dir })).toBe(lockDirRemedy(dir).replace(/^r/, 'R'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the bind in words, as data', () => {
  const EXPOSURES: Exposure[] = [
    { mode: 'auto', raw: undefined, host: '0.0.0.0', exposed: true },
    { mode: 'loopback', raw: undefined, host: '127.0.0.1', exposed: false },
    { mode: 'lan', raw: 'lan', host: '0.0.0.0', exposed: true },
    { mode: 'custom', raw: '10.0.0.5', host: '10.0.0.5', exposed: true },
  ];
  for (const x of EXPOSURES) {
    it(`${String(x.raw)} / ${x.mode}: the catalog's English is describeBind`, () => {
      expect(english(bindRef(x))).toBe(describeBind(x));
    });
  }
});

describe("a gateway's recommendedNextStep", () => {
  it('each known step has a catalog fix hint whose English is nextStepWords; an unknown one has none', () => {
    for (const step of NEXT_STEPS) expect(en(nextStepId(step)!), step).toBe(nextStepWords(step));
    expect(nextStepId('reboot_the_moon')).toBeUndefined();
    expect(nextStepId(undefined)).toBeUndefined();
  });
});

describe('why a repair did not run, as data', () => {
  const finding = (checkId: string, extra: Partial<Finding> = {}): Finding => ({ checkId, severity: 'error', message: 'm', ...extra });
  const check = (id: string, fix: 'safe' | 'confirm', repair: Check['repair']): Check => ({ meta: { id, title: id, area: 'x', severity: 'error', facts: [], fix }, detect: () => [], repair });

  it("the planner's reasons in English are its reason fields", () => {
    const checks = [
      check('x/throws', 'safe', () => {
        throw new Error('boom');
      }),
      check('x/none', 'safe', () => []),
      check('x/hinted', 'safe', () => []),
      check('x/confirm', 'confirm', () => [{ op: 'gateway.restart' }]),
      check('x/edit', 'safe', () => [{ op: 'config.set', path: 'a', value: 1 }]),
      check('x/restore', 'safe', () => [{ op: 'config.restore', from: '/x.bak' }]),
    ];
    const hinted = { ...say('gateway/lock-dir-unsafe.gateway-lock-folder', { dir: '/tmp/d', dirProblem: 'p', dirProblemRef: 'p' }) };
    const findings = [finding('x/throws'), finding('x/none'), finding('x/hinted', hinted), finding('x/confirm'), finding('x/edit'), finding('x/restore')];
    const plans = planFixes(findings, checks, {});
    expect(plans.filter((p) => p.reason !== undefined).map((p) => p.checkId)).toEqual(['x/throws', 'x/none', 'x/hinted', 'x/confirm', 'x/edit']);
    for (const p of plans) if (p.reason !== undefined) expect(english(p.reasonRef), p.checkId).toBe(p.reason);
  });

  it('a side effect that cannot run says why in English and as data', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lower-texts-step-'));
    try {
      const lock = path.join(dir, 'gateway.lock');
      fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, createdAt: new Date().toISOString(), configPath: '/x' }));
      const ops: Operation[] = [{ op: 'lock.clear', path: lock }, { op: 'gateway.restart' }, { op: 'service.install' }, { op: 'port.free', port: 1, pid: 999_999_999 }];
      for (const op of ops) {
        const err = await runSideEffect(op, {}).then(() => undefined, (e: unknown) => e);
        expect(err, op.op).toBeInstanceOf(StepError);
        expect(english((err as StepError).ref), op.op).toBe((err as StepError).message);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a service manager that cannot be used, as data', () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'lower-texts-path-'));
  afterAll(() => fs.rmSync(empty, { recursive: true, force: true }));

  async function cases(): Promise<[string, Availability][]> {
    // A PATH with a systemctl that fails like a session without a user bus.
    const bin = fs.mkdtempSync(path.join(empty, 'bin-'));
    fs.writeFileSync(path.join(bin, 'systemctl'), '#!/bin/sh\necho "Failed to connect to bus: No medium found" >&2\nexit 1\n', { mode: 0o755 });
    const booted = path.join(empty, 'booted');
    fs.writeFileSync(booted, '');
    return [
      ['no systemctl', await probeSystemd({ env: { PATH: empty }, port: 18789 })],
      ['not booted with systemd', await probeSystemd({ env: { PATH: bin }, bootedMarker: path.join(empty, 'missing'), askBusWhenNotBooted: false })],
      ['not booted, bus asked', await probeSystemd({ env: { PATH: bin }, bootedMarker: path.join(empty, 'missing'), timeoutMs: 5000 })],
      ['no user bus', await probeSystemd({ env: { PATH: bin }, bootedMarker: booted, timeoutMs: 5000 })],
      ['no launchctl', binaryAvailability('launchctl', 'launchd', { PATH: empty }, 18789)],
    ];
  }

  it('each reason and alternative in English is the English field', async () => {
    for (const [name, a] of await cases()) {
      if (a.ok) throw new Error(`${name}: available`);
      expect(english(a.reasonRef), name).toBe(a.reason);
      expect(a.alternativeRefs?.map((r) => english(r)), name).toEqual(a.alternatives);
    }
  });
});

describe("a signature's detail", () => {
  it('each detail in the catalog, filled like the matcher fills it, reads in English as fillDetail says it', () => {
    const english = readCatalog('en');
    const ids = Object.keys(english).filter((id) => id.startsWith('signature.'));
    expect(ids.length).toBeGreaterThan(20);
    const MessageFormat = createRequire(import.meta.url)('@messageformat/core') as typeof import('@messageformat/core').default;
    const mf = new MessageFormat('en');
    for (const id of ids) {
      const template = english[id]!;
      const ref = detailRef(id.slice('signature.'.length, -'.detail'.length), template, { maxTokens: '64000', limit: '32000' });
      expect(ref.id).toBe(id);
      expect(mf.compile(template)(ref.params as Record<string, string>), id).toBe(ref.english);
    }
  });

  it('a group the line did not capture stays as written, in every language', () => {
    const ref = detailRef('models.max-tokens-too-high', '{maxTokens} asked for, {limit} allowed.', { maxTokens: '64000' });
    expect(ref.english).toBe('64000 asked for, {limit} allowed.');
    setLocale('ko');
    try {
      expect(t(ref.id, ref.params, ref.english)).toContain('{limit}');
    } finally {
      setLocale('en');
    }
  });
});

describe("the executor's reasons", () => {
  it('each English reason written next to a catalog id reads the same from the catalog', () => {
    const source = fs.readFileSync(new URL('../../src/engine/executor.ts', import.meta.url), 'utf8');
    const pairs = [...source.matchAll(/english: (['`])(.+?)\1, ref: \{ id: '([^']+)'(, params: \{ message \})? \}/g)];
    expect(pairs.length).toBeGreaterThanOrEqual(6);
    for (const [, , text, id] of pairs) expect(en(id!, { message: 'M' }), id).toBe(text!.replace('${message}', 'M'));
    expect(en('repair.reason.and', { first: 'a', rest: 'b' })).toBe('a; b');
  });
});
