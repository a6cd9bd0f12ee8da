// The service checks through the doctor itself: each service fixture is a machine (home at the
// fixture root, state dir in state/, the unit under .config/systemd/user, the service manager
// recorded in facts/services.json). --fix --yes rewrites the unit in that temp home for real; this
// machine has no systemd user manager, so the fix says it could not enable the unit.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSystemdUnit } from '../../src/service/systemd.js';
import { CLI, runCli } from '../helpers/cli-sync.js';
import { cliEnv, useFixtures, type FixtureCopy } from '../helpers/fixtures.js';

const fixture = useFixtures();

/** The doctor with a fact budget that a loaded machine (the whole suite on 2 cores) cannot run out of. */
const doctor = (args: string[], env: NodeJS.ProcessEnv) => runCli(['doctor', '--timeout', '10000', ...args], env, { timeoutMs: 60_000 });

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error('build first: npm run build');
});

const unitFile = (fx: FixtureCopy) => path.join(fx.root, '.config/systemd/user/openclaw-gateway.service');
const unitEnv = (fx: FixtureCopy) => readSystemdUnit(fs.readFileSync(unitFile(fx), 'utf8'), unitFile(fx)).env;
const serviceFinding = (report: any, id: string) => report.findings.find((f: any) => f.checkId === id);

describe('doctor --json on the service fixtures: the finding and its evidence', () => {
  it('config drift: both config paths and the unit file', () => {
    const fx = fixture('service-config-drift');
    const r = doctor(['--json'], cliEnv(fx));
    expect(r.code).toBe(1);
    const f = serviceFinding(r.json(), 'service/config-drift');
    expect(f).toMatchObject({ severity: 'error', cause: 'service-drift' });
    expect(f.evidence).toEqual([
      { kind: 'config', source: 'Config (cli)', value: fx.configPath },
      { kind: 'service', source: 'Config (service)', value: path.join(fx.root, '.openclaw-old/openclaw.json') },
      { kind: 'file', source: unitFile(fx) },
    ]);
    expect(f.fixHint).toContain('openclaw gateway install --force');
    expect(r.stdout).not.toContain('tok-old-state');
  });

  it('token drift: fingerprints of both tokens, never the values', () => {
    const fx = fixture('service-token-drift');
    const r = doctor(['--json'], cliEnv(fx));
    const f = serviceFinding(r.json(), 'service/token-drift');
    expect(f.severity).toBe('warning');
    expect(JSON.stringify(f.evidence)).toMatch(/sha256 [0-9a-f]{8}/);
    expect(r.stdout).not.toMatch(/tok-service-old|tok-config-new/);
  });

  it('port drift: the port the unit passes and the one the CLI expects', () => {
    const fx = fixture('service-port-drift');
    const f = serviceFinding(doctor(['--json'], cliEnv(fx)).json(), 'service/port-drift');
    expect(f.message).toMatch(/listens on port 19999 \(--port in its command line\) but the CLI expects 18789/);
    expect(JSON.stringify(f.evidence)).toContain('19999');
  });

  it('token only in the unit', () => {
    const fx = fixture('service-token-embedded');
    const r = doctor(['--json'], cliEnv(fx));
    const f = serviceFinding(r.json(), 'service/token-embedded');
    expect(f.message).toMatch(/lives only in the service definition/);
    expect(f.evidence).toEqual([{ kind: 'service', source: `${unitFile(fx)} OPENCLAW_GATEWAY_TOKEN`, value: expect.stringMatching(/^\*\*\* \(sha256 [0-9a-f]{8}\)$/) }]);
    expect(r.stdout).not.toContain('tok-');
  });

  it('restart loop: the port-conflict lines of the service error log', () => {
    const fx = fixture('service-restart-loop');
    const f = serviceFinding(doctor(['--json'], cliEnv(fx)).json(), 'service/restart-loop');
    expect(f.message).toMatch(/port conflict on 18789/);
    expect(JSON.stringify(f.evidence)).toContain('gateway.err.log');
  });

  it('extra gateways: only with --deep, and the exporter that shares the prefix is not one', () => {
    const fx = fixture('service-extra-gateways');
    expect(serviceFinding(doctor(['--json'], cliEnv(fx)).json(), 'service/extra-gateways')).toBeUndefined();
    const f = serviceFinding(doctor(['--deep', '--json'], cliEnv(fx)).json(), 'service/extra-gateways');
    expect(f.message).toMatch(/openclaw-gateway-work\.service \(user, port 18789, same port as this profile\)/);
    expect(f.message).toMatch(/clawdbot-gateway\.service \(system, port 18789, legacy/);
    expect(f.message).not.toContain('exporter');
    const exporter = fixture('service-exporter-only');
    expect(serviceFinding(doctor(['--deep', '--json'], cliEnv(exporter)).json(), 'service/extra-gateways')).toBeUndefined();
  });

  it('systemd unavailable (recorded): which check failed', () => {
    const fx = fixture('service-clean');
    const availability = { ok: false, failed: 'user-bus', reason: 'systemd user services unavailable: no user bus', alternatives: ['run it in the foreground under a supervisor'], steps: [{ check: 'user-bus', ok: false, detail: 'Failed to connect to bus' }] };
    fs.writeFileSync(path.join(fx.factsDir, 'services.json'), JSON.stringify({ availability }));
    const f = serviceFinding(doctor(['--json'], cliEnv(fx)).json(), 'service/systemd-unavailable');
    expect(f).toMatchObject({ severity: 'warning', cause: 'systemd-unavailable', message: expect.stringMatching(/^systemd user services unavailable: no user bus\. The installed unit openclaw-gateway\.service cannot be started here\./) });
    expect(f.evidence).toEqual([{ kind: 'system', source: 'user-bus', value: 'failed: Failed to connect to bus' }]);
  });

  it('services not recorded: the fact is unavailable, not guessed', () => {
    const fx = fixture('service-config-drift');
    fs.rmSync(path.join(fx.factsDir, 'services.json'));
    const report = doctor(['--json'], cliEnv(fx)).json();
    expect(report.unavailable.services).toMatch(/not recorded/);
    expect(report.findings.filter((f: any) => f.checkId.startsWith('service/'))).toEqual([]);
  });
});

describe('doctor --fix --yes rewrites the drifted unit, verifies, is idempotent, and --undo restores', () => {
  it.each([
    // The token only the old state dir's config had is written to gateway.auth.token before the reinstall.
    ['service-config-drift', 'service/config-drift', 'tok-old-state-0123456789'],
    // The config's token wins (the gateway reads the config first); the unit stops carrying the stale one.
    ['service-token-drift', 'service/token-drift', 'tok-config-new-0123456789'],
  ])('%s', (name, checkId, token) => {
    const fx = fixture(name);
    const env = cliEnv(fx);
    const configBefore = fs.readFileSync(fx.configPath, 'utf8');
    const unitBefore = fs.readFileSync(unitFile(fx), 'utf8');

    const r = doctor(['--fix', '--yes', '--json'], env);
    const fixed = r.json();
    expect(fixed.fixes).toEqual([
      expect.objectContaining({
        checkId,
        status: 'applied',
        verified: true,
        reason: expect.stringMatching(/^definition rewritten but could not be enabled: systemd user services unavailable: /),
      }),
    ]);
    expect(fixed.findings).toEqual([]);
    expect(r.stdout).not.toContain(token);

    // The token is in the config, the rewritten unit reads that config and carries no token.
    expect(fs.readFileSync(fx.configPath, 'utf8')).toContain(token);
    const env2 = unitEnv(fx);
    expect(env2.OPENCLAW_STATE_DIR).toBe(fx.stateDir);
    expect(env2.OPENCLAW_GATEWAY_TOKEN).toBeUndefined();
    expect(fs.readFileSync(`${unitFile(fx)}.bak`, 'utf8')).toBe(unitBefore);
    // What the doctor wrote is a unit systemd accepts.
    fs.mkdirSync(path.join(fx.root, 'run'), { mode: 0o700 });
    const analyze = spawnSync('systemd-analyze', ['--user', 'verify', unitFile(fx)], { encoding: 'utf8', timeout: 15_000, env: { XDG_RUNTIME_DIR: path.join(fx.root, 'run') } });
    expect([analyze.status, analyze.stderr]).toEqual([0, '']);

    const again = doctor(['--json'], env);
    expect(again.code).toBe(0);
    expect(again.json().findings).toEqual([]);
    const second = doctor(['--fix', '--yes', '--json'], env).json();
    expect(second.fixes ?? []).toEqual([]);

    const undo = doctor(['--undo', '--json'], env);
    expect(undo.code).toBe(0);
    expect(fs.readFileSync(fx.configPath, 'utf8')).toBe(configBefore);
    expect(fs.readFileSync(unitFile(fx), 'utf8')).toBe(unitBefore);
    expect(fs.statSync(unitFile(fx)).mode & 0o777).toBe(0o644);
  });
});
