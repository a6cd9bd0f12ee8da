// `openclaw doctor --format prometheus` as node_exporter's textfile collector reads it: the text
// exposition format (parsed by a real parser), the same exit codes as --json, and --output FILE
// replaced atomically.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-sync.js';
import { cliEnv, useFixtures } from '../helpers/fixtures.js';
import { parseExposition } from '../helpers/prometheus.js';
import { freePort } from './gateway-harness.js';

const fixture = useFixtures();
const VERSION = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')).version;

describe('doctor --format prometheus', () => {
  it('one gauge per check, findings by severity, duration, last run and version; exit codes as --json', () => {
    const env = cliEnv(fixture('mode-unset'));
    const json = runCli(['doctor', '--json'], env);
    // remote/* checks run only with --remote/--targets, so a local run has no gauge for them.
    const all = runCli(['doctor', '--list', '--json'], env).json<{ id: string; area: string }[]>();
    const list = all.filter((c) => c.area !== 'remote');
    const before = Math.floor(Date.now() / 1000);
    const r = runCli(['doctor', '--format', 'prometheus'], env);
    expect(r.code).toBe(json.code);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const m = parseExposition(r.stdout);
    const report = json.json();

    for (const c of list) {
      const failing = report.findings.some((f: any) => f.checkId === c.id && f.severity !== 'info');
      expect(m.value('openclaw_doctor_check_ok', { check: c.id, area: c.area }), c.id).toBe(failing ? 0 : 1);
    }
    for (const c of all.filter((c) => c.area === 'remote')) expect(m.value('openclaw_doctor_check_ok', { check: c.id, area: c.area }), c.id).toBeUndefined();
    expect(m.value('openclaw_doctor_check_ok', { check: 'gateway/mode-unset' })).toBe(0);
    for (const s of ['info', 'warning', 'error']) {
      expect(m.value('openclaw_doctor_findings', { severity: s }), s).toBe(report.findings.filter((f: any) => f.severity === s).length);
    }
    expect(m.value('openclaw_doctor_findings', { severity: 'error' })).toBeGreaterThan(0);
    expect(m.value('openclaw_doctor_ok')).toBe(0);
    expect(m.value('openclaw_doctor_duration_seconds')).toBeGreaterThan(0);
    expect(m.value('openclaw_doctor_duration_seconds')).toBeLessThan(30);
    const last = m.value('openclaw_doctor_last_run_timestamp_seconds')!;
    expect(last).toBeGreaterThanOrEqual(before);
    expect(last).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    expect(m.value('openclaw_doctor_info', { version: VERSION })).toBe(1);
    for (const name of ['openclaw_doctor_check_ok', 'openclaw_doctor_findings', 'openclaw_doctor_duration_seconds', 'openclaw_doctor_info']) expect(m.types.get(name), name).toBe('GAUGE');
  });

  it('a healthy machine: exit 0, every check ok, --exit-zero and --lint as for the other formats', () => {
    const env = cliEnv(fixture('healthy'));
    const r = runCli(['doctor', '--format', 'prometheus'], env);
    expect(r.code).toBe(0);
    const m = parseExposition(r.stdout);
    expect(m.value('openclaw_doctor_ok')).toBe(1);
    expect(m.value('openclaw_doctor_findings', { severity: 'error' })).toBe(0);
    const broken = cliEnv(fixture('mode-unset'));
    expect(runCli(['doctor', '--format', 'prometheus', '--exit-zero'], broken).code).toBe(0);
    expect(runCli(['doctor', '--format', 'prometheus', '--lint', '--severity-min', 'error'], broken).code).toBe(1);
    expect(runCli(['doctor', '--format', 'prometheus', '--lint', '--severity-min', 'error'], env).code).toBe(0);
    expect(runCli(['doctor', '--format', 'prometheus', '--json'], broken).code).toBe(2);
  });

  it('--output FILE: written whole (a rename), readable by node_exporter, nothing on stdout', () => {
    const fx = fixture('mode-unset');
    const env = cliEnv(fx);
    const dir = path.join(fx.root, 'textfile');
    fs.mkdirSync(dir);
    const file = path.join(dir, 'openclaw_doctor.prom');
    fs.writeFileSync(file, 'the previous run\n');
    const inode = fs.statSync(file).ino;
    const r = runCli(['doctor', '--format', 'prometheus', '--output', file], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(fs.statSync(file).ino).not.toBe(inode); // replaced by a rename, never rewritten in place
    expect(fs.statSync(file).mode & 0o777).toBe(0o644);
    expect(fs.readdirSync(dir)).toEqual(['openclaw_doctor.prom']); // no temp file left
    expect(parseExposition(fs.readFileSync(file, 'utf8')).value('openclaw_doctor_check_ok', { check: 'gateway/mode-unset' })).toBe(0);
    // --output works for the other formats too.
    const jsonFile = path.join(dir, 'report.json');
    expect(runCli(['doctor', '--json', '--output', jsonFile], env).code).toBe(1);
    expect(JSON.parse(fs.readFileSync(jsonFile, 'utf8')).ok).toBe(false);
  });

  it('--output into a missing directory: exit 2 with a clear message, nothing written', () => {
    const fx = fixture('healthy');
    const file = path.join(fx.root, 'no-such-dir', 'openclaw_doctor.prom');
    const r = runCli(['doctor', '--format', 'prometheus', '--output', file], cliEnv(fx));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--output: cannot write ${file}: ENOENT`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.dirname(file))).toBe(false);
  });
});

describe('doctor --remote/--targets --format prometheus', () => {
  it('labels every series with its target, writes --output, and keeps the credential out', async () => {
    const fx = fixture('healthy');
    // Two ports nothing listens on: both targets are unreachable, so both report not ok.
    const [a, b] = [await freePort(), await freePort()];
    const targets = path.join(fx.root, 'targets.yaml');
    fs.writeFileSync(targets, `targets:\n  - name: alpha\n    url: ws://127.0.0.1:${a}\n  - name: beta\n    url: ws://127.0.0.1:${b}\n`);
    const out = path.join(fx.root, 'fleet.prom');
    const token = 'prometheus-fleet-secret-0123456789';
    const r = runCli(['doctor', '--targets', targets, '--format', 'prometheus', '--output', out, '--timeout', '2000'], { ...cliEnv(fx), OPENCLAW_GATEWAY_TOKEN: token });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    const text = fs.readFileSync(out, 'utf8');
    expect(text).not.toContain(token);
    const m = parseExposition(text);
    for (const target of ['alpha', 'beta']) {
      expect(m.value('openclaw_doctor_ok', { target })).toBe(0);
      expect(m.value('openclaw_doctor_check_ok', { target, check: 'remote/reachable' })).toBe(0);
      expect(m.value('openclaw_doctor_findings', { target, severity: 'error' })).toBeGreaterThan(0);
    }
    expect(m.value('openclaw_doctor_info', { version: VERSION })).toBe(1);

    const one = runCli(['doctor', '--remote', `ws://127.0.0.1:${a}`, '--format', 'prometheus', '--timeout', '2000'], cliEnv(fx));
    expect(one.code).toBe(1);
    expect(parseExposition(one.stdout).value('openclaw_doctor_ok', { target: `ws://127.0.0.1:${a}` })).toBe(0);
  });
});
