// The CI and container recipes under examples/: their YAML parses, every `openclaw` command they
// run exists in the program with those flags, and the health probe they share exits 0 against a
// real gateway started from the example config and non-zero once that gateway is stopped.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSON5 from 'json5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { Command } from 'commander';
import { COMMANDS } from '../../src/cli/command-table.js';
import { buildProgram, loadCommands } from '../../src/cli/program.js';
import { CLI } from '../helpers/cli-sync.js';
import { commandLineProblem, invocations } from '../helpers/command-line.js';
// @ts-expect-error a plain .mjs helper shared with the scripts
import { freePort } from '../../scripts/free-port.mjs';

const EX = path.resolve('examples');
let program: Command;
let dir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  program = buildProgram(await loadCommands(COMMANDS.map((e) => e.name)));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'examples-'));
});
afterAll(async () => {
  for (const c of children) {
    if (c.exitCode === null && c.signalCode === null) {
      c.kill('SIGKILL');
      await Promise.race([once(c, 'exit'), new Promise((r) => setTimeout(r, 5000))]);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

function yamlDocs(file: string): any[] {
  const docs = parseAllDocuments(fs.readFileSync(path.join(EX, file), 'utf8'));
  for (const d of docs) expect(d.errors, `${file}: ${d.errors.join('; ')}`).toEqual([]);
  return docs.map((d) => d.toJS());
}

/** Fails unless `openclaw <argv>` is a valid command line of the full program (test/helpers/command-line.ts). */
function assertParses(argv: string[]): void {
  expect(commandLineProblem(program, argv), `openclaw ${argv.join(' ')}`).toBeUndefined();
}

function dockerfile() {
  const text = fs.readFileSync(path.join(EX, 'docker/Dockerfile'), 'utf8').replace(/\\\n\s*/g, ' ');
  const healthcheck = /^HEALTHCHECK .*?CMD (\[.*\])$/m.exec(text);
  const cmd = /^CMD (\[.*\])$/m.exec(text);
  return { healthcheck: JSON.parse(healthcheck![1]!) as string[], cmd: JSON.parse(cmd![1]!) as string[] };
}

function kubernetes() {
  const docs = yamlDocs('kubernetes/openclaw-gateway.yaml');
  const configMap = docs.find((d) => d.kind === 'ConfigMap');
  const container = docs.find((d) => d.kind === 'Deployment').spec.template.spec.containers[0];
  return { config: JSON5.parse(configMap.data['openclaw.json']), container };
}

describe('examples: syntax and commands', () => {
  it('the GitHub Actions workflow parses and every openclaw command in it exists with its flags', () => {
    const [wf] = yamlDocs('github-actions/openclaw-doctor.yml');
    expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(['push', 'pull_request', 'schedule']));
    const steps: { run?: string; uses?: string }[] = wf.jobs.doctor.steps;
    for (const s of steps) expect(Boolean(s.run) !== Boolean(s.uses)).toBe(true);
    const commands = steps.flatMap((s) => (s.run ? s.run.split('\n').flatMap(invocations) : []));
    expect(commands.map((c) => c.slice(0, 2).join(' '))).toEqual(expect.arrayContaining(['config validate', 'gateway run', 'gateway probe', 'doctor --format', 'doctor --lint', 'doctor --bundle']));
    for (const argv of commands) assertParses(argv);
  });

  it('the Docker HEALTHCHECK and the Kubernetes probes run the same doctor command, which exists', () => {
    const docker = dockerfile();
    const k8s = kubernetes();
    const probe = docker.healthcheck;
    expect(probe.slice(0, 5)).toEqual(['openclaw', 'doctor', '--json', '--only', 'gateway']);
    expect(k8s.container.readinessProbe.exec.command).toEqual(probe);
    expect(k8s.container.livenessProbe.exec.command).toEqual(probe);
    for (const argv of [probe, docker.cmd, k8s.container.args]) {
      expect(argv[0]).toBe('openclaw');
      assertParses(argv.slice(1));
    }
    // One config for both recipes.
    expect(k8s.config).toEqual(JSON5.parse(fs.readFileSync(path.join(EX, 'docker/openclaw.json'), 'utf8')));
  });
});

describe('the health probe against a real gateway', () => {
  it('exits 0 while the gateway from the example config runs, and non-zero once it stops', async () => {
    const probe = dockerfile().healthcheck;
    const stateDir = path.join(dir, 'state');
    fs.mkdirSync(stateDir, { mode: 0o700 });
    const configPath = path.join(dir, 'etc-openclaw.json');
    fs.copyFileSync(path.join(EX, 'docker/openclaw.json'), configPath);
    const port = await freePort();
    const env = {
      PATH: process.env.PATH,
      HOME: dir,
      NO_COLOR: '1',
      OPENCLAW_STATE_DIR: stateDir,
      OPENCLAW_CONFIG_PATH: configPath,
      OPENCLAW_GATEWAY_TOKEN: 'probe-test-token-0123456789abcdef',
      OPENCLAW_GATEWAY_PORT: String(port), // the example's 18789 may be taken on this machine
      OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR: path.join(dir, 'no-upstream-logs'),
    };
    // Loopback only on this machine: the container would listen on its LAN address (bind "lan").
    const gw = spawn(process.execPath, [CLI, 'gateway', 'run', '--bind', 'loopback'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(gw);
    let out = '';
    gw.stdout!.on('data', (d) => (out += d));
    gw.stderr!.on('data', (d) => (out += d));
    const deadline = Date.now() + 10_000;
    while (!/listening on ws:/.test(out)) {
      expect(Date.now() < deadline, `the gateway did not start:\n${out}`).toBe(true);
      expect(gw.exitCode, out).toBeNull();
      await new Promise((r) => setTimeout(r, 50));
    }
    const run = () => spawnSync(process.execPath, [CLI, ...probe.slice(1)], { env, encoding: 'utf8', timeout: 15_000 });

    const healthy = run();
    expect(healthy.status, healthy.stdout + healthy.stderr).toBe(0);
    expect(JSON.parse(healthy.stdout)).toMatchObject({ ok: true, findings: [] });

    const wrongToken = spawnSync(process.execPath, [CLI, ...probe.slice(1)], { env: { ...env, OPENCLAW_GATEWAY_TOKEN: 'not-the-token-0000000000000000' }, encoding: 'utf8', timeout: 15_000 });
    expect(wrongToken.status).toBe(1);

    gw.kill('SIGTERM');
    await Promise.race([once(gw, 'exit'), new Promise((r) => setTimeout(r, 5000))]);
    const stopped = run();
    expect(stopped.status).toBe(1);
    expect(JSON.parse(stopped.stdout).findings.map((f: { checkId: string }) => f.checkId)).toContain('gateway/not-running');
  });
});
