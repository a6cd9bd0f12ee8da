// The triage wizard, driven by keys through ink-testing-library: every symptom's ladder with an
// injected engine (deterministic steps, log lines and findings), the fix flow, the report, the
// keyboard, NO_COLOR and the 80×24 budget. One flow applies a real fix through the doctor's
// executor on a temp state dir.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import React from 'react';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { resolvePaths } from '../../src/config/paths.js';
import type { ProbeResult } from '../../src/client/types.js';
import { App } from '../../src/tui/App.js';
import { engineFor, type ApplyOutcome, type PreviewOutcome, type ReportFinding, type TriageEngine } from '../../src/tui/engine.js';
import { SYMPTOMS } from '../../src/tui/symptoms.js';
import { setLocale } from '../../src/i18n/index.js';

const KEY = { enter: '\r', esc: '\u001B', down: '\u001B[B', up: '\u001B[A', space: ' ' };
const SECRET = 'tok-3f9a7c1e5b2d4a6f8e0c';

const tmpDirs: string[] = [];
const mounted: { unmount(): void }[] = [];
afterEach(() => {
  for (const m of mounted.splice(0)) m.unmount();
  for (const d of tmpDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tui-test-'));
  tmpDirs.push(d);
  return d;
}

const FINDINGS: ReportFinding[] = [
  { checkId: 'gateway/legacy-bind-alias', severity: 'warning', message: 'gateway.bind is the legacy host value "0.0.0.0"', cause: 'legacy-bind-alias', evidence: [{ kind: 'config', source: 'gateway.bind', value: '"0.0.0.0"' }], fixHint: 'openclaw doctor --fix', fix: { kind: 'safe', operations: [{ op: 'config.set', path: 'gateway.bind', value: 'lan' }] } },
  { checkId: 'gateway/port-conflict', severity: 'error', message: `port 18789 is held by another process (token=${SECRET})`, evidence: [{ kind: 'process', source: 'pid 4242', value: 'python3 -m http.server' }], fix: { kind: 'confirm', operations: [{ op: 'port.free', port: 18789, pid: 4242, command: 'python3' }] } },
  { checkId: 'system/node-version', severity: 'info', message: 'Node.js is old' },
];

/** A deterministic engine: every step answers from a table, every call is recorded. */
function fakeEngine(findings: ReportFinding[] = FINDINGS) {
  const calls = { steps: [] as string[], diagnose: [] as string[][], preview: [] as string[][], apply: [] as string[][] };
  const engine: TriageEngine = {
    async step(fact) {
      calls.steps.push(fact);
      return fact === 'gateway' ? { status: 'fail', summary: 'gateway at ws://127.0.0.1:18789: refused' } : { status: 'ok', summary: `${fact} looks fine` };
    },
    async scanLogs(onHit) {
      onHit({ cause: 'port-in-use', severity: 'error', text: 'Error: listen EADDRINUSE: address already in use 127.0.0.1:18789' });
      onHit({ cause: 'gateway-auth-token-mismatch', severity: 'warning', text: `unauthorized: gateway token mismatch ${SECRET}` });
      return 2;
    },
    async diagnose(areas) {
      calls.diagnose.push(areas);
      return [...findings].sort((a, b) => rank(b) - rank(a));
    },
    async preview(ids): Promise<PreviewOutcome> {
      calls.preview.push(ids);
      return {
        diff: '--- openclaw.json\tcurrent\n+++ openclaw.json\tproposed\n-    "bind": "0.0.0.0",\n+    "bind": "lan",\n',
        operations: findings.filter((f) => ids.includes(f.checkId) && f.fix).map((f) => ({ checkId: f.checkId, kind: f.fix!.kind, operations: f.fix!.operations })),
      };
    },
    async apply(ids): Promise<ApplyOutcome> {
      calls.apply.push(ids);
      return { fixes: ids.map((checkId) => ({ checkId, status: 'applied', verified: true })), after: [], backup: '/state/openclaw.json.bak' };
    },
    environment: () => ({ node: 'v20', stateDir: '/state' }),
    secrets: () => [SECRET],
  };
  return { engine, calls };
}

const rank = (f: ReportFinding) => ({ error: 2, warning: 1, info: 0 })[f.severity];

async function waitFor(frame: () => string | undefined, what: string | RegExp, ms = 5000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const f = frame() ?? '';
    if (typeof what === 'string' ? f.includes(what) : what.test(f)) return f;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(what)}; last frame:\n${f}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A frame as one line: wrapped text inside a box joins up again. */
const flat = (f: string) => f.replace(/[│\s]+/g, ' ');

const settle = () => new Promise((r) => setTimeout(r, 30));

function mount(engine: TriageEngine, opts: { color?: boolean; reportDirs?: string[] } = {}) {
  const r = render(<App engine={engine} color={opts.color ?? false} reportDirs={opts.reportDirs ?? [tmp()]} />);
  mounted.push(r);
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      await settle(); // Ink re-subscribes its input handler after each render: let it
      r.stdin.write(k);
      await settle();
    }
  };
  return { ...r, press, frame: () => r.lastFrame() ?? '' };
}

async function chooseSymptom(ui: ReturnType<typeof mount>, index: number): Promise<void> {
  await waitFor(ui.frame, 'What is wrong?');
  await ui.press(...Array(index).fill('j'), KEY.enter);
}

describe('triage wizard: every symptom runs its ladder', () => {
  for (const [index, symptom] of SYMPTOMS.entries()) {
    it(`${symptom.label}: steps live, log lines, ranked findings with evidence`, async () => {
      const { engine, calls } = fakeEngine();
      const ui = mount(engine);
      await chooseSymptom(ui, index);
      const ladder = await waitFor(ui.frame, 'Ladder done: 3 finding(s)');
      expect(ladder).toContain(symptom.label);
      for (const step of symptom.steps) expect(ladder).toContain(step.command);
      expect(calls.steps).toEqual(symptom.steps.map((s) => s.fact));
      expect(calls.diagnose).toEqual([symptom.areas]);
      if (symptom.steps.some((s) => s.fact === 'logs')) {
        expect(ladder).toContain('Log lines the catalog recognises (2)');
        expect(ladder).toContain('port-in-use');
      } else expect(ladder).not.toContain('Log lines');
      if (symptom.steps.some((s) => s.fact === 'gateway')) expect(ladder).toMatch(/✗ openclaw gateway status: gateway at ws:\/\/127\.0\.0\.1:18789: refused/);

      await ui.press(KEY.enter);
      const found = await waitFor(ui.frame, 'Findings, worst first (3)');
      const order = ['gateway/port-conflict', 'gateway/legacy-bind-alias', 'system/node-version'].map((id) => found.indexOf(id));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(found).toContain('process pid 4242: python3 -m http.server'); // evidence of the selected finding
      expect(flat(found)).toContain('needs confirmation: stops another process (pid 4242, python3) holding port 18789');
    });
  }

  it('the start screen lists every symptom of the seeds plus "check everything"', async () => {
    const ui = mount(fakeEngine().engine);
    const f = await waitFor(ui.frame, 'What is wrong?');
    for (const s of SYMPTOMS) expect(f).toContain(s.label);
    expect(SYMPTOMS.map((s) => s.id)).toEqual(['gateway-down', 'no-replies', 'dashboard', 'probe-warnings', 'channel-flow', 'cron-heartbeat', 'nodes', 'browser', 'upgrade', 'context-429', 'local-model', 'docker', 'everything']);
    expect(SYMPTOMS.at(-1)!.areas).toEqual([]); // every check
  });
});

describe('triage wizard: fixes, plan, report', () => {
  it('the plan never shows a secret a repair sets (a generated token, alone or inside a section)', async () => {
    const created: ReportFinding = { checkId: 'gateway/mode-unset', severity: 'error', message: 'No config file', fix: { kind: 'safe', operations: [{ op: 'config.set', path: 'gateway.auth', value: { token: SECRET } }, { op: 'config.set', path: 'gateway.auth.token', value: SECRET }] } };
    const ui = mount(fakeEngine([created]).engine);
    await chooseSymptom(ui, 0);
    await waitFor(ui.frame, 'Ladder done');
    await ui.press(KEY.enter);
    await waitFor(ui.frame, '1 fix(es) chosen');
    await ui.press('d');
    const f = await waitFor(ui.frame, 'Config diff');
    expect(flat(f)).toContain('set gateway.auth = {"token":"***"}');
    expect(f).not.toContain(SECRET.slice(0, 8));
  });

  it('space toggles, d shows plan + diff + why confirmation, enter applies and shows before/after', async () => {
    const { engine, calls } = fakeEngine();
    const ui = mount(engine);
    await chooseSymptom(ui, 0);
    await waitFor(ui.frame, 'Ladder done');
    await ui.press(KEY.enter);
    let f = await waitFor(ui.frame, '1 fix(es) chosen'); // the safe fix is pre-chosen, the confirm one is not
    expect(f).toMatch(/\[ \] ✗ gateway\/port-conflict/);
    expect(f).toMatch(/\[x\] ! gateway\/legacy-bind-alias/);
    await ui.press(KEY.space); // choose the confirm fix under the cursor
    f = await waitFor(ui.frame, '2 fix(es) chosen');
    await ui.press('j', KEY.space); // drop the safe one
    f = await waitFor(ui.frame, '1 fix(es) chosen');
    expect(f).toMatch(/\[ \] ! gateway\/legacy-bind-alias/);
    await ui.press(KEY.space, 'k'); // and choose it again
    await waitFor(ui.frame, '2 fix(es) chosen');
    await ui.press('d');
    f = await waitFor(ui.frame, 'Config diff');
    expect(f).toContain('gateway/legacy-bind-alias (safe): set gateway.bind = "lan"');
    expect(f).toContain('gateway/port-conflict (confirm): port.free');
    expect(f).toContain('needs confirmation: stops another process');
    expect(f).toContain('+    "bind": "lan",');
    expect(calls.preview).toEqual([['gateway/port-conflict', 'gateway/legacy-bind-alias']]);
    await ui.press(KEY.esc);
    await waitFor(ui.frame, 'Findings, worst first');
    await ui.press(KEY.enter);
    f = await waitFor(ui.frame, 'After');
    expect(calls.apply).toEqual([['gateway/port-conflict', 'gateway/legacy-bind-alias']]);
    expect(f).toMatch(/Before[\s\S]*✗ gateway\/port-conflict[\s\S]*After[\s\S]*✓ gateway\/port-conflict: applied, verified/);
    expect(f).toContain('Backup of the config: /state/openclaw.json.bak');
    await ui.press(KEY.enter);
    f = await waitFor(ui.frame, 'Summary');
    expect(f).toContain('3 finding(s): 1 error, 1 warning, 1 info');
    expect(f).toContain('2 fix(es) applied, 2 verified');
  });

  it('r writes a redacted markdown report and says where', async () => {
    const dir = tmp();
    const ui = mount(fakeEngine().engine, { reportDirs: [path.join(dir, 'missing', '\0bad'), dir] });
    await chooseSymptom(ui, 0);
    await waitFor(ui.frame, 'Ladder done');
    await ui.press(KEY.enter, KEY.enter); // findings → apply the pre-chosen safe fix
    await waitFor(ui.frame, 'After');
    await ui.press(KEY.enter, 'r');
    const f = await waitFor(ui.frame, 'Report written to');
    const [file] = fs.readdirSync(dir).filter((n) => n.endsWith('.md'));
    expect(file).toMatch(/^openclaw-triage-.*\.md$/);
    expect(f.replace(/\s+/g, '')).toContain(path.join(dir, file!).replace(/\s+/g, ''));
    const md = fs.readFileSync(path.join(dir, file!), 'utf8');
    expect(md).toContain('Symptom: Gateway won\'t start or stay up');
    expect(md).toContain('## Environment');
    expect(md).toContain('### error: gateway/port-conflict');
    expect(md).toContain('evidence (process) pid 4242');
    expect(md).toContain('- gateway/legacy-bind-alias: applied, verified');
    expect(md).toContain('[port-in-use] Error: listen EADDRINUSE');
    expect(md).not.toContain(SECRET);
  });

  it('enter with no fix chosen goes to the summary; no findings says so', async () => {
    const ui = mount(fakeEngine([]).engine);
    await chooseSymptom(ui, 12);
    await waitFor(ui.frame, 'Ladder done: 0 finding(s)');
    await ui.press(KEY.enter);
    await waitFor(ui.frame, 'No problems found');
    await ui.press(KEY.enter);
    const f = await waitFor(ui.frame, 'Summary');
    expect(f).toContain('no fixes applied');
  });
});

describe('triage wizard: keyboard and terminal', () => {
  it('arrows and j/k move, esc goes back, ? shows help, q quits', async () => {
    const ui = mount(fakeEngine().engine);
    await waitFor(ui.frame, 'What is wrong?');
    await ui.press(KEY.down, KEY.down, 'k');
    expect(ui.frame()).toContain('› No replies');
    await ui.press('jjj'); // keys typed faster than a frame arrive as one chunk
    expect(ui.frame()).toContain('› Channel connected');
    await ui.press(KEY.up);
    await ui.press('?');
    let f = await waitFor(ui.frame, 'Keys');
    expect(f).toContain('space');
    await ui.press(KEY.esc);
    await waitFor(ui.frame, 'What is wrong?');
    await ui.press(KEY.enter);
    await waitFor(ui.frame, 'Ladder done');
    await ui.press(KEY.esc);
    f = await waitFor(ui.frame, 'What is wrong?');
    expect(f).toContain('› Gateway won\'t start'); // the cursor starts over
    await ui.press('q');
    await settle();
    const before = ui.frames.length;
    await ui.press('j');
    expect(ui.frames.length).toBe(before); // unmounted: no more frames
  });

  it('fits 80×24 on every screen and has no colour codes when colour is off', async () => {
    const { engine } = fakeEngine();
    const ui = mount(engine, { color: false });
    await chooseSymptom(ui, 12);
    await waitFor(ui.frame, 'Ladder done');
    await ui.press(KEY.enter, KEY.space, 'd');
    await waitFor(ui.frame, 'Config diff');
    await ui.press(KEY.enter);
    await waitFor(ui.frame, 'After');
    await ui.press(KEY.enter, 'r', '?');
    for (const frame of ui.frames) {
      const lines = frame.split('\n');
      expect(lines.length).toBeLessThanOrEqual(24);
      for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
      expect(frame).not.toMatch(/\u001B\[[0-9;]*m/);
    }
  });

  it('stays inside 80×24 with many findings, long messages and many fixes', async () => {
    const many: ReportFinding[] = Array.from({ length: 12 }, (_, i) => ({
      checkId: `gateway/check-${String(i).padStart(2, '0')}`,
      severity: i % 2 ? 'warning' : 'error',
      message: `a long message ${'that goes on and on '.repeat(12)}`,
      evidence: [1, 2, 3, 4].map((n) => ({ kind: 'config' as const, source: `gateway.path${n}`, value: 'v'.repeat(120) })),
      fixHint: 'do this '.repeat(20),
      fix: { kind: 'confirm', operations: [{ op: 'config.restore', from: `/state/${'deep/'.repeat(30)}openclaw.json` }] },
    }));
    const { engine } = fakeEngine(many);
    const ui = mount(engine);
    await chooseSymptom(ui, 12);
    await waitFor(ui.frame, 'Ladder done');
    await ui.press(KEY.enter);
    for (let i = 0; i < 12; i++) await ui.press(KEY.space, 'j');
    await waitFor(ui.frame, '12 fix(es) chosen');
    await ui.press('d');
    await waitFor(ui.frame, 'more fix(es)');
    await ui.press(KEY.enter);
    await waitFor(ui.frame, 'After');
    await ui.press(KEY.enter);
    await waitFor(ui.frame, 'Summary');
    for (const frame of ui.frames) {
      const lines = frame.split('\n');
      expect(lines.length, frame).toBeLessThanOrEqual(24);
      for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    }
  });
});

describe('triage wizard: a real fix through the doctor executor', () => {
  it('Probe warnings on a legacy bind: applies gateway.bind=loopback with a backup, verified', async () => {
    const stateDir = tmp();
    const configPath = path.join(stateDir, 'openclaw.json');
    fs.writeFileSync(configPath, JSON.stringify({ gateway: { mode: 'local', bind: '127.0.0.1', auth: { mode: 'token', token: SECRET } } }, null, 2), { mode: 0o600 });
    const env = { OPENCLAW_STATE_DIR: stateDir, HOME: stateDir } as NodeJS.ProcessEnv;
    const refused = async (o: { url: string }): Promise<ProbeResult> => ({ ok: false, url: o.url, durationMs: 1, connect: { ok: false, rpcOk: false, error: { kind: 'refused', message: 'connection refused' } }, warnings: [] });
    const engine = engineFor({ paths: resolvePaths({ env }), env, timeoutMs: 1000, probe: refused, tmpdir: stateDir, upstreamLogDir: path.join(stateDir, 'none') });
    const ui = mount(engine, { reportDirs: [stateDir] });
    await chooseSymptom(ui, SYMPTOMS.findIndex((s) => s.id === 'probe-warnings'));
    await waitFor(ui.frame, /Ladder done/, 15_000);
    await ui.press(KEY.enter);
    let f = await waitFor(ui.frame, 'gateway/legacy-bind-alias');
    expect(f).toMatch(/\[x\] ! gateway\/legacy-bind-alias/);
    await ui.press('d');
    f = await waitFor(ui.frame, '+    "bind": "loopback"', 15_000);
    expect(JSON.parse(fs.readFileSync(configPath, 'utf8')).gateway.bind).toBe('127.0.0.1'); // a preview changes nothing
    await ui.press(KEY.enter);
    f = await waitFor(ui.frame, 'After', 15_000);
    expect(f).toContain('✓ gateway/legacy-bind-alias: applied, verified');
    const cfg = JSON.parse(fs.readFileSync(configPath, 'utf8'));
    expect(cfg.gateway.bind).toBe('loopback');
    expect(cfg.gateway.auth.token).toBe(SECRET); // nothing else lost
    expect(f).toContain('Backup of the config:');
    expect(fs.readdirSync(stateDir).some((n) => n.startsWith('openclaw.json.bak'))).toBe(true);
    await ui.press(KEY.enter, 'r');
    await waitFor(ui.frame, 'Report written to');
    const md = fs.readFileSync(path.join(stateDir, fs.readdirSync(stateDir).find((n) => n.endsWith('.md'))!), 'utf8');
    expect(md).toContain('- gateway/legacy-bind-alias: applied, verified');
    expect(md).not.toContain(SECRET);
  });
});

describe('triage wizard in Korean and Chinese', () => {
  afterEach(() => setLocale('en'));
  const CASES = [
    { locale: 'ko', question: '무엇이 문제인가요?', symptom: '게이트웨이가 시작되지 않거나 계속 꺼짐', done: '점검 완료: 결과 3개', findings: '결과, 심각한 순 (3)', keys: 'enter 계속 · esc 뒤로' },
    { locale: 'zh-CN', question: '遇到了什么问题？', symptom: 'gateway 无法启动或无法保持运行', done: '排查完成：3 个问题', findings: '问题，按严重程度排序（3）', keys: 'enter 继续 · esc 返回' },
    { locale: 'zh-TW', question: '遇到了什麼問題？', symptom: 'gateway 無法啟動或無法持續執行', done: '排查完成：3 個問題', findings: '問題，依嚴重程度排序（3）', keys: 'enter 繼續 · esc 返回' },
  ] as const;
  for (const c of CASES) {
    it(`${c.locale}: start screen, ladder, findings in the locale's words and the findings' own text`, async () => {
      setLocale(c.locale);
      const { engine } = fakeEngine(FINDINGS.map((f) => ({ ...f, text: `[${c.locale}] ${f.message}` })));
      const ui = mount(engine);
      const start = await waitFor(ui.frame, c.question);
      expect(start).toContain(c.symptom);
      await ui.press(KEY.enter);
      const ladder = await waitFor(ui.frame, c.done);
      expect(ladder).toContain(c.keys);
      await ui.press(KEY.enter);
      const found = await waitFor(ui.frame, c.findings);
      // The finding's localised text is shown, never its English message alone.
      expect(flat(found)).toContain(`[${c.locale}]`);
      expect(found).not.toMatch(/What is wrong|Ladder done|Findings, worst first/);
    });
  }
});
