// The doctor against a real OpenClaw install: for each seed-documented breakage, the real gateway
// refuses to start, `openclaw doctor` names the cause, `--fix` repairs it, and the real gateway then
// starts; and with a real gateway running: healthy, still starting, token drift hidden by a device
// token, and its port taken by another install's gateway. Not a test (it needs a real `openclaw`,
// which makes outbound requests: run it only in a loopback-only network namespace, reference §8):
//
//   ip netns exec oc env PATH=<scratch>/node_modules/node/bin:<scratch>/node_modules/.bin:$PATH \
//     /usr/bin/node scripts/interop-doctor.mjs
//
// Prints one line per expectation and exits 1 if any failed. Scratch HOMEs (and the lock files the real
// gateway made for them in /tmp/openclaw-state-locks-<uid>) are removed at the end;
// the real gateway's own /tmp/openclaw logs are left alone (they may belong to a real install).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findUpstream, removeUpstreamLocks, startUpstreamGateway } from './upstream-openclaw.mjs';
import { freePort } from './free-port.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/src/cli/main.js');
const upstream = findUpstream();
if (!upstream) {
  console.log('No real openclaw on PATH (or OPENCLAW_UPSTREAM_BIN): nothing to run against.');
  process.exit(0);
}
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'interop-doctor-'));
const children = new Set();
process.on('exit', () => {
  for (const gw of children) {
    try {
      process.kill(-gw.pid, 'SIGKILL'); // its process group: the workers it started too
    } catch {
      /* already gone */
    }
  }
  removeUpstreamLocks(fs.readdirSync(scratch).map((h) => path.join(scratch, h, '.openclaw')));
  fs.rmSync(scratch, { recursive: true, force: true });
});
let failures = 0;
const expect = (label, ok, got) => {
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}${ok ? '' : `: got ${JSON.stringify(got)}`}`);
};

/** A scratch HOME with ~/.openclaw/openclaw.json = `config` (the default layout a real install uses). */
function home(name, config) {
  const dir = path.join(scratch, name);
  fs.mkdirSync(path.join(dir, '.openclaw'), { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(dir, '.openclaw', 'openclaw.json'), `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  return { dir, env: { PATH: process.env.PATH, HOME: dir, NO_COLOR: '1' } };
}

/** Starts the real gateway; resolves when /health answers ('up') or the process exits ('exited'). */
async function realGateway(env, port) {
  const gw = await startUpstreamGateway(upstream, env, port);
  children.add(gw);
  return { state: gw.state, stop: async () => (await gw.stop(), children.delete(gw)) };
}

function ours(args, env) {
  const r = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, json: () => JSON.parse(r.stdout), stdout: r.stdout };
}
const findings = (env, extra = {}) => ours(['doctor', '--json'], { ...env, ...extra }).json().findings;
const waitReady = async (env) => {
  for (let i = 0; i < 150; i++) {
    if (ours(['gateway', 'probe', '--json'], env).code === 0) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
};

// 1. Configs the real gateway refuses: the doctor finds why, --fix repairs, the real one starts.
const TOKEN = 'interop-0123456789abcdef0123456789abcdef';
for (const [check, gateway] of [
  ['gateway/mode-unset', { auth: { mode: 'token', token: TOKEN } }],
  ['gateway/bind-without-auth', { mode: 'local', bind: 'lan' }],
  ['gateway/legacy-token-key', { mode: 'local', token: TOKEN }],
]) {
  const port = await freePort();
  const h = home(check.replace('/', '-'), { gateway: { ...gateway, port } });
  let gw = await realGateway(h.env, port);
  await gw.stop();
  expect(`${check}: the real gateway refuses to start`, gw.state === 'exited', gw.state);
  const before = findings(h.env).map((f) => f.checkId);
  expect(`${check}: the doctor reports it`, before.includes(check), before);
  const fixed = ours(['doctor', '--fix', '--json'], h.env).json().fixes ?? [];
  const fix = fixed.find((f) => f.checkId === check);
  expect(`${check}: --fix applies and verifies it`, fix?.status === 'applied' && fix.verified === true, fixed);
  gw = await realGateway(h.env, port);
  await gw.stop();
  expect(`${check}: the real gateway starts on the repaired config`, gw.state === 'up', gw.state);
}

// 2. A real gateway running.
{
  const port = await freePort();
  const h = home('running', { gateway: { mode: 'local', port, bind: 'loopback', auth: { mode: 'token', token: TOKEN } } });
  const gw = await realGateway(h.env, port);
  expect('running: the real gateway starts', gw.state === 'up', gw.state);
  // It answers /health seconds before it takes connections.
  const early = findings(h.env).filter((f) => f.checkId.startsWith('gateway/'));
  expect(
    'running, still starting: no port conflict; a gateway-starting warning or nothing',
    early.every((f) => f.checkId === 'gateway/rpc-probe-failed' && f.cause === 'gateway-starting' && f.severity === 'warning'),
    early,
  );
  expect('running: it becomes ready', await waitReady(h.env), false);
  const ready = findings(h.env).filter((f) => f.severity !== 'info');
  expect('running, ready: no warnings or errors', ready.length === 0, ready);
  const status = ours(['gateway', 'status', '--json'], h.env).json();
  expect('running: gateway status finds it on the port', status.runtime.status === 'running' && status.rpc.ok === true, status.runtime);
  const drift = findings(h.env, { OPENCLAW_GATEWAY_TOKEN: 'not-the-gateway-token' }).filter((f) => f.checkId === 'gateway/rpc-probe-failed');
  expect('running: token drift hidden by the cached device token is a warning', drift.length === 1 && drift[0].cause === 'token-mismatch' && drift[0].details?.hiddenByDeviceToken === 'true', drift);
  // The gateway logged that run's refused probe; once the drift is gone those lines are not findings.
  await new Promise((r) => setTimeout(r, 500));
  const after = findings(h.env).filter((f) => f.severity !== 'info');
  expect('running: drift fixed, the refused probes it logged are not reported', after.length === 0, after);

  // 3. Another install (another HOME) configured for the same port.
  const other = home('other', { gateway: { mode: 'local', port, bind: 'loopback', auth: { mode: 'token', token: 'another-0123456789abcdef0123456789ab' } } });
  const conflict = findings(other.env).filter((f) => f.checkId === 'gateway/port-conflict');
  expect("another install's doctor: port-conflict names the other gateway", conflict.length === 1 && /Another OpenClaw gateway \(pid \d+\)/.test(conflict[0].message), conflict);
  await gw.stop();
}

console.log(failures ? `\n${failures} expectation(s) failed` : '\nall expectations met');
process.exit(failures ? 1 : 0);
