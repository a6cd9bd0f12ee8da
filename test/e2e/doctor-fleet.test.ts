// `doctor --targets` against twenty real gateways from dist (ports from the OS, temp state dirs):
// three stopped with SIGTERM, one checked with a wrong token. Per-target results, the overall
// verdict and exit code, every output format, and no secret in any of them. Plus `--remote` for one
// gateway, and the local `doctor --json` fast path, which must not load any of this.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-sync.js';
import { validateSchema } from '../helpers/json-schema.js';
import { traceModules } from '../helpers/module-trace.js';
import { cleanup, cli, makeState, newToken, ROOT, startGateway, trackSecret, type RunningGateway } from './gateway-harness.js';

const COUNT = 20;
const STOPPED = new Set([3, 11, 19]);
const WRONG = 7;

let gateways: RunningGateway[] = [];
const tokens: string[] = [];
let monitor: string;
let targetsFile: string;
const env: Record<string, string> = {};
const wrongToken = newToken();
trackSecret(wrongToken);

const schema = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', name), 'utf8'));
const nameOf = (i: number) => `gw-${String(i).padStart(2, '0')}`;

beforeAll(async () => {
  const dirs = Array.from({ length: COUNT }, () => {
    const token = newToken();
    tokens.push(token);
    return makeState({ gateway: { mode: 'local', auth: { mode: 'token', token } } });
  });
  // In parallel: twenty node processes on a busy machine take a while, so the bound is generous.
  gateways = await Promise.all(dirs.map((d) => startGateway(d, ['--port', '0'], {}, 90_000)));
  await Promise.all([...STOPPED].map((i) => gateways[i].stop('SIGTERM')));

  monitor = makeState();
  const lines = ['# twenty gateways; secrets by reference only', 'targets:'];
  gateways.forEach((g, i) => {
    lines.push(`  - name: ${nameOf(i)}`, `    url: ${g.url}`, `    labels: {group: ${i % 2 ? 'odd' : 'even'}, index: ${i}}`);
    if (i === WRONG) {
      env.WRONG_TOKEN = wrongToken;
      lines.push('    tokenEnv: WRONG_TOKEN');
    } else if (i % 2) {
      env[`GW_${i}_TOKEN`] = tokens[i];
      lines.push(`    tokenEnv: GW_${i}_TOKEN`);
    } else {
      fs.writeFileSync(path.join(monitor, `gw-${i}.token`), `${tokens[i]}\n`, { mode: 0o600 });
      lines.push(`    tokenFile: gw-${i}.token`);
    }
  });
  targetsFile = path.join(monitor, 'targets.yaml');
  fs.writeFileSync(targetsFile, `${lines.join('\n')}\n`);
}, 120_000);

afterAll(async () => {
  await Promise.all(gateways.map((g) => g.stop()));
  await cleanup(); // kills what is left and fails on any token in an output or a log
}, 30_000);

function noSecretIn(text: string): void {
  for (const t of [...tokens, wrongToken]) expect(text.includes(t), 'a token was printed').toBe(false);
}

describe('doctor --targets over twenty gateways', () => {
  it('--json: one entry per target with its own ok, url, labels and findings; ok only if all are', () => {
    const r = cli(monitor, ['doctor', '--targets', targetsFile, '--json', '--concurrency', '4', '--timeout', '10000'], env, 90_000);
    noSecretIn(r.stdout + r.stderr);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ schemaVersion: 1, ok: false, targetsTotal: COUNT, targetsOk: COUNT - STOPPED.size - 1, concurrency: 4 });
    expect(report.targets.map((t: any) => t.name)).toEqual(gateways.map((_, i) => nameOf(i)));
    expect(validateSchema(schema('doctor-fleet-report.schema.json'), report)).toEqual([]);
    // Each entry is a doctor report plus name, url and labels.
    for (const { name: _n, url: _u, labels: _l, ...rest } of report.targets) expect(validateSchema(schema('doctor-report.schema.json'), rest)).toEqual([]);
    report.targets.forEach((t: any, i: number) => {
      expect(t.url).toBe(gateways[i].url);
      expect(t.labels).toEqual({ group: i % 2 ? 'odd' : 'even', index: String(i) });
      expect(t.checksRun).toBe(9);
      if (STOPPED.has(i)) {
        expect(t.ok).toBe(false);
        expect(t.findings).toMatchObject([{ checkId: 'remote/reachable', severity: 'error', cause: 'gateway-unreachable', details: { kind: 'refused' } }]);
      } else if (i === WRONG) {
        expect(t.ok).toBe(false);
        expect(t.findings).toMatchObject([{ checkId: 'remote/auth', severity: 'error', cause: 'token-mismatch', details: { code: 'AUTH_TOKEN_MISMATCH' } }]);
      } else {
        expect(t.findings).toEqual([]);
        expect(t.ok).toBe(true);
      }
    });
  }, 120_000);

  it('human, SARIF and JUnit carry every target with its label, and no token', () => {
    const human = cli(monitor, ['doctor', '--targets', targetsFile, '--timeout', '10000'], env, 90_000);
    noSecretIn(human.stdout + human.stderr);
    expect(human.code).toBe(1);
    for (let i = 0; i < COUNT; i++) expect(human.stdout).toContain(`${nameOf(i)} (${gateways[i].url}) group=${i % 2 ? 'odd' : 'even'},index=${i}`);
    expect(human.stdout).toContain(`${STOPPED.size + 1} of ${COUNT} gateways failed`);
    expect(human.stdout).toContain('rejected the token');

    const sarif = cli(monitor, ['doctor', '--targets', targetsFile, '--format', 'sarif', '--timeout', '10000'], env, 90_000);
    noSecretIn(sarif.stdout + sarif.stderr);
    const results = JSON.parse(sarif.stdout).runs[0].results as any[];
    expect(results.map((x) => x.properties.target).sort()).toEqual([...STOPPED, WRONG].map(nameOf).sort());
    expect(results.find((x) => x.properties.target === nameOf(WRONG))).toMatchObject({ ruleId: 'remote/auth', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: gateways[WRONG].url } } }] });

    const junit = cli(monitor, ['doctor', '--targets', targetsFile, '--format', 'junit', '--timeout', '10000'], env, 90_000);
    noSecretIn(junit.stdout + junit.stderr);
    expect(junit.stdout.match(/<testsuite /g)).toHaveLength(COUNT);
    expect(junit.stdout).toContain(`tests="${COUNT * 9}" failures="${STOPPED.size + 1}"`);
    expect(junit.stdout).toContain(`<testsuite name="openclaw doctor: ${nameOf(WRONG)} (${gateways[WRONG].url}) group=odd,index=${WRONG}"`);
  }, 300_000);

  it('an inline secret in the targets file is a usage error that does not repeat it', () => {
    const inline = path.join(monitor, 'inline.yaml');
    fs.writeFileSync(inline, `- url: ${gateways[0].url}\n  token: ${tokens[0]}\n`);
    const r = cli(monitor, ['doctor', '--targets', inline, '--json'], {}, 30_000);
    noSecretIn(r.stdout + r.stderr);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.message).toContain('writes its token inline');
  });
});

describe('doctor --remote for one gateway', () => {
  it('ok with the right token from --token-file, exit 0', () => {
    const file = path.join(monitor, 'gw-0.token');
    const r = cli(monitor, ['doctor', '--remote', gateways[0].url, '--token-file', file, '--json'], {}, 30_000);
    noSecretIn(r.stdout + r.stderr);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, checksRun: 9, findings: [], target: { url: gateways[0].url } });
    expect(validateSchema(schema('doctor-report.schema.json'), JSON.parse(r.stdout))).toEqual([]);
  });

  it('a wrong token from the environment is remote/auth, exit 1; a token given on the command line is never printed', () => {
    // The harness's cli() clears OPENCLAW_GATEWAY_TOKEN from the environment; this run sets it.
    const viaEnv = runCli(['doctor', '--remote', gateways[1].url, '--json'], { PATH: process.env.PATH, HOME: monitor, NO_COLOR: '1', OPENCLAW_STATE_DIR: monitor, OPENCLAW_GATEWAY_TOKEN: wrongToken });
    noSecretIn(viaEnv.stdout + viaEnv.stderr);
    expect(viaEnv.code).toBe(1);
    expect(JSON.parse(viaEnv.stdout).findings).toMatchObject([{ checkId: 'remote/auth', details: { code: 'AUTH_TOKEN_MISMATCH' } }]);
    for (const format of ['human', 'sarif', 'junit']) {
      const r = cli(monitor, ['doctor', '--remote', gateways[1].url, '--token', wrongToken, '--format', format], {}, 30_000);
      noSecretIn(r.stdout + r.stderr);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('remote/auth');
    }
  });

  it('ws:// to an address that is not loopback: the token is kept back, and a Control UI there would be refused', () => {
    // 0.0.0.0 reaches this machine's loopback listener on Linux, yet is not a loopback address.
    const url = gateways[0].url.replace('127.0.0.1', '0.0.0.0');
    const r = cli(monitor, ['doctor', '--remote', url, '--token-file', path.join(monitor, 'gw-0.token'), '--json'], {}, 30_000);
    noSecretIn(r.stdout + r.stderr);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout).findings;
    expect(findings.map((f: any) => `${f.checkId}:${f.severity}`)).toEqual(['remote/plaintext:error', 'remote/auth:warning', 'remote/origin:warning']);
    expect(findings[0].message).toContain('did not send it');
    // The gateway only lets loopback origins in from loopback: http://0.0.0.0:port is neither.
    // Evidence in words; the gateway's code stays in details for machines.
    expect(findings[2]).toMatchObject({ cause: 'origin-not-allowed', evidence: [{ value: expect.stringContaining('origin not allowed') }], details: { code: 'CONTROL_UI_ORIGIN_NOT_ALLOWED' } });
    expect(findings[2].message).toContain(url.replace('ws:', 'http:'));
  });

  it('a stopped gateway is remote/reachable; flags that only make sense locally are refused', () => {
    const down = cli(monitor, ['doctor', '--remote', gateways[3].url, '--json'], {}, 30_000);
    expect(down.code).toBe(1);
    expect(JSON.parse(down.stdout).findings).toMatchObject([{ checkId: 'remote/reachable', details: { kind: 'refused' } }]);
    // The exit rules of a local run: --exit-zero is advisory, --lint counts findings at the level.
    expect(cli(monitor, ['doctor', '--remote', gateways[3].url, '--exit-zero']).code).toBe(0);
    expect(cli(monitor, ['doctor', '--remote', gateways[0].url, '--token-file', path.join(monitor, 'gw-0.token'), '--lint', '--severity-min', 'info']).code).toBe(0);
    expect(cli(monitor, ['doctor', '--remote', gateways[0].url, '--fix']).code).toBe(2);
    expect(cli(monitor, ['doctor', '--remote', gateways[0].url, '--targets', targetsFile]).code).toBe(2);
    expect(cli(monitor, ['doctor', '--token', wrongToken, '--json']).code).toBe(2);
  });
});

describe('the local doctor', () => {
  it('--json without these flags loads none of the remote modules, and runs no remote check', () => {
    const r = traceModules(['doctor', '--json'], { PATH: process.env.PATH, HOME: monitor, NO_COLOR: '1', OPENCLAW_STATE_DIR: monitor });
    expect(r.modules).toContain('checks/remote/auth.ts'); // bundled like every check module…
    const remote = ['src/cli/commands/doctor-remote.ts', 'src/client/remote-probe.ts', 'src/engine/remote.ts', 'src/engine/targets.ts', 'src/engine/reporters/fleet.ts'];
    expect(r.modules.filter((m) => remote.includes(m) || m.startsWith('node_modules/yaml/'))).toEqual([]);
    expect(JSON.parse(r.stdout).findings.filter((f: any) => f.checkId.startsWith('remote/'))).toEqual([]); // …but never run
  });
});
