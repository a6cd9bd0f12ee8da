// The `openclaw doctor` command as users and CI see it: exit codes, formats, colour, start-up cost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-sync.js';
import { traceModules } from '../helpers/module-trace.js';
import { cliEnv, useFixtures } from '../helpers/fixtures.js';

const fixture = useFixtures();

describe('exit codes', () => {
  it('0 when no error remains, 1 when one does, 0 with --exit-zero', () => {
    expect(runCli(['doctor'], cliEnv(fixture('healthy'))).code).toBe(0);
    expect(runCli(['doctor'], cliEnv(fixture('gateway-down'))).code).toBe(0); // a warning only
    const broken = cliEnv(fixture('mode-unset'));
    expect(runCli(['doctor'], broken).code).toBe(1);
    expect(runCli(['doctor', '--exit-zero'], broken).code).toBe(0);
  });

  it('2 when the doctor itself cannot run: bad flag, unknown check, bad timeout, unreadable state', () => {
    const env = cliEnv(fixture('healthy'));
    for (const args of [['doctor', '--bogus'], ['doctor', '--only', 'gateway/nope'], ['doctor', '--timeout', 'soon'], ['doctor', '--format', 'xml'], ['doctor', '--severity-min', 'fatal']]) {
      const r = runCli(args, env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /); // never a stack trace
    }
    const file = path.join(os.tmpdir(), `doctor-not-a-dir-${process.pid}`);
    fs.writeFileSync(file, 'x');
    try {
      const r = runCli(['doctor', '--json'], { ...env, OPENCLAW_STATE_DIR: file });
      expect(r.code).toBe(2);
      expect(r.json().error.message).toContain('not a directory');
    } finally {
      fs.rmSync(file);
    }
  });

  it('--lint: 0 clean, 1 with findings at or above --severity-min', () => {
    const down = cliEnv(fixture('gateway-down'));
    expect(runCli(['doctor', '--lint'], cliEnv(fixture('healthy'))).code).toBe(0);
    expect(runCli(['doctor', '--lint'], down).code).toBe(1);
    expect(runCli(['doctor', '--lint', '--severity-min', 'error'], down).code).toBe(0);
  });
});

describe('selection and output', () => {
  it('--only and --skip take ids, areas and comma lists', () => {
    const env = cliEnv(fixture('bind-lan-no-auth'));
    const only = runCli(['doctor', '--json', '--only', 'gateway/bind-without-auth,system'], env).json();
    expect(only.checksRun).toBe(5); // the check and the four system/ checks
    expect(only.findings.map((f: any) => f.checkId)).toEqual(['gateway/bind-without-auth']);
    const skip = runCli(['doctor', '--json', '--skip', 'gateway', '--skip', 'heartbeat'], env).json();
    expect(skip.findings).toEqual([]);
    const skipped = runCli(['doctor', '--json', '--only', 'gateway,heartbeat'], env).json();
    expect(skip.checksSkipped).toBe(skipped.checksRun);
    expect(skip.checksSkipped).toBeGreaterThanOrEqual(16);
  });

  it('--severity-min hides findings below it', () => {
    const r = runCli(['doctor', '--json', '--severity-min', 'error'], cliEnv(fixture('gateway-down'))).json();
    expect(r.findings).toEqual([]);
  });

  it('is quiet when all is well, and honours NO_COLOR', () => {
    const r = runCli(['doctor'], { ...cliEnv(fixture('healthy')), FORCE_COLOR: '1' });
    expect(r.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^No problems found \(\d+ checks in \d+ ms\)\.$/)]);
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('one ✓/!/✖ line per area, most severe first, with evidence and the fix; the summary names the wizard', () => {
    const r = runCli(['doctor'], cliEnv(fixture('bind-lan-no-auth')));
    expect(r.stdout).toMatch(/^✖ gateway\n  ✖ error    The gateway binds to lan \(0\.0\.0\.0\) without a token/m);
    expect(r.stdout).toMatch(/^✓ config$/m); // a clean area gets its line too
    expect(r.stdout).toContain('      gateway.bind: "lan"');
    expect(r.stdout).toContain('      fix: `openclaw doctor --fix` (generates a token)');
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^1 error · \d+ checks in \d+ ms · 1 fixable with `openclaw doctor --fix` · guided: `openclaw triage`$/);
  });

  it('SARIF 2.1.0 and JUnit for CI', () => {
    const env = cliEnv(fixture('mode-unset'));
    const sarif = runCli(['doctor', '--format', 'sarif'], env);
    expect(sarif.code).toBe(1);
    const s = sarif.json();
    const total = runCli(['doctor', '--json'], env).json().checksRun;
    expect(s.version).toBe('2.1.0');
    expect(s.runs[0].tool.driver.rules.length).toBe(total);
    expect(s.runs[0].results).toEqual([expect.objectContaining({ ruleId: 'gateway/mode-unset', level: 'error' })]);
    const junit = runCli(['doctor', '--format', 'junit'], env).stdout;
    expect(junit).toMatch(/^<\?xml version="1.0"/);
    expect(junit).toContain(`tests="${total}" failures="1"`);
    expect(junit).toContain('<testcase classname="doctor.gateway" name="gateway/mode-unset">');
  });

  it('--dry-run prints the operations and the config diff, and changes nothing', () => {
    const fx = fixture('mode-unset');
    const before = fs.readFileSync(fx.configPath, 'utf8');
    const r = runCli(['doctor', '--dry-run'], cliEnv(fx));
    expect(r.stdout).toContain('Planned repairs (dry run: nothing was changed)');
    expect(r.stdout).toMatch(/would +gateway\/mode-unset\n {6}set gateway\.mode to "local"\n/); // in words, not raw JSON
    expect(r.stdout).not.toContain('{"op"');
    expect(r.stdout).toContain('+    "mode": "local"');
    expect(r.stdout).toContain('"token": "***"'); // the diff is redacted
    expect(fs.readFileSync(fx.configPath, 'utf8')).toBe(before);
    expect(fs.existsSync(path.join(fx.stateDir, 'logs', 'doctor-journal.jsonl'))).toBe(false);
  });

  it('never prints a secret: a generated token is redacted in the report', () => {
    const fx = fixture('bind-lan-no-auth');
    const r = runCli(['doctor', '--fix', '--json'], cliEnv(fx));
    const token = JSON.parse(fs.readFileSync(fx.configPath, 'utf8')).gateway.auth.token;
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    expect(r.stdout).not.toContain(token);
    expect(r.stdout).toContain('"value": "***"');
  });

  it('--json does not load Ink or React', () => {
    const r = traceModules(['doctor', '--json'], cliEnv(fixture('healthy')));
    expect(r.code).toBe(0);
    expect(r.modules).toContain('checks/gateway/mode-unset.ts'); // the trace works
    expect(r.modules.filter((m) => /node_modules\/(ink|react|@inkjs)\//.test(m))).toEqual([]);
    expect(r.modules).not.toContain('src/engine/reporters/human.ts');
  });
});
