// `npm start`: a real demo on a scratch state dir (never your ~/.openclaw). It breaks the embedded
// gateway's config in ways the troubleshooting guides describe, shows `openclaw doctor` finding
// each one and `openclaw doctor --fix` repairing it (verified by a second run), then starts the
// gateway, probes it, and stops everything. Exits 0 only when every repair verified.
// OPENCLAW_DEMO_KEEP=1 keeps the scratch dir for a look afterwards.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/src/cli/main.js');
if (!fs.existsSync(cli)) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

// The state dir and a TMPDIR (where the gateway lock lives) side by side in one scratch dir.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'openclaw-demo-'));
const stateDir = path.join(scratch, 'state');
const tmpDir = path.join(scratch, 'tmp');
fs.mkdirSync(stateDir, { mode: 0o700 });
fs.mkdirSync(tmpDir, { mode: 0o700 });
const configPath = path.join(stateDir, 'openclaw.json');
// The demo's doctor reads only the demo's logs, not a real gateway's /tmp/openclaw on this machine.
const env = { ...process.env, OPENCLAW_STATE_DIR: stateDir, HOME: scratch, TMPDIR: tmpDir, OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR: path.join(tmpDir, 'openclaw'), NO_COLOR: process.env.NO_COLOR ?? '' };
for (const k of ['OPENCLAW_CONFIG_PATH', 'OPENCLAW_GATEWAY_TOKEN', 'OPENCLAW_GATEWAY_PASSWORD', 'OPENCLAW_GATEWAY_PORT', 'OPENCLAW_PROFILE', 'OPENCLAW_DOCTOR_FACTS']) delete env[k];
const started = Date.now();
const children = [];
const results = [];

function writeConfig(text) {
  fs.writeFileSync(configPath, text, { mode: 0o600 });
}

/** Runs the CLI, shows the command and its output, returns the exit code and stdout. */
function openclaw(args, { show = true, title } = {}) {
  if (show) console.log(`\n$ openclaw ${args.join(' ')}${title ? `    # ${title}` : ''}`);
  const r = spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8', timeout: 20_000 });
  if (show) process.stdout.write(`${r.stdout}${r.stderr}`.replace(/^/gm, '  ').replace(/ +$/, ''));
  return { code: r.status ?? 1, stdout: r.stdout ?? '' };
}

/** The findings of one check, from `doctor --json` (quiet: this is how the demo verifies). */
function findingsOf(checkId) {
  const r = openclaw(['doctor', '--json', '--only', checkId], { show: false });
  try {
    return JSON.parse(r.stdout).findings.filter((f) => f.checkId === checkId);
  } catch {
    return [{ message: `doctor --json did not print JSON (exit ${r.code})` }];
  }
}

/** One seed-documented breakage: doctor finds it, --fix repairs it, a separate run confirms. */
function scenario(title, checkId, extraFlags = []) {
  console.log(`\n━━ ${title}`);
  // --lint: exit 1 when the check has a finding at or above info.
  const found = openclaw(['doctor', '--only', checkId, '--lint', '--severity-min', 'info'], { title: 'what is wrong?' }).code === 1;
  openclaw(['doctor', '--fix', '--non-interactive', '--only', checkId, ...extraFlags], { title: 'repair it' });
  const left = findingsOf(checkId);
  const ok = found && left.length === 0;
  console.log(`  ${ok ? '✔' : '✘'} ${checkId}: ${!found ? 'the doctor did not find it' : ok ? 'found, fixed, verified' : `still there: ${left[0].message}`}`);
  results.push({ checkId, ok });
}

/** Starts `openclaw gateway` in the background and waits for its listening line (or its exit). */
function startGateway(port) {
  const child = spawn(process.execPath, [cli, 'gateway', '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ child, ok: false, out }), 10_000);
    const onData = (d) => {
      out += d;
      if (/listening on ws:\/\//.test(out)) {
        clearTimeout(timer);
        resolve({ child, ok: true, out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve({ child, ok: false, out });
    });
  });
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
}

async function main() {
  const port = await freePort();
  console.log(`Scratch state dir: ${stateDir} (gateway port ${port})`);

  // 1. A config without gateway.mode: the gateway refuses to start (exit 78).
  writeConfig(`{\n  // written by npm start: gateway.mode is missing\n  gateway: { port: ${port}, bind: "loopback", auth: { mode: "token", token: "demo-0123456789abcdef0123456789abcdef" } },\n}\n`);
  console.log('\n━━ "Gateway start blocked": gateway.mode is not set');
  const blocked = openclaw(['gateway', '--port', String(port)], { title: 'start it' });
  console.log(`  exit code ${blocked.code} (78 = configuration problem)`);
  results.push({ checkId: 'gateway start blocked (exit 78)', ok: blocked.code === 78 });
  scenario('The doctor finds and sets gateway.mode', 'gateway/mode-unset');

  // 2. The token under the legacy key gateway.token (an old setup or a hand edit).
  const cfg = () => JSON.parse(fs.readFileSync(configPath, 'utf8'));
  const legacy = cfg();
  legacy.gateway.token = legacy.gateway.auth.token;
  delete legacy.gateway.auth.token;
  writeConfig(`${JSON.stringify(legacy, null, 2)}\n`);
  scenario('"gateway.token" is the legacy key: the token belongs in gateway.auth.token', 'gateway/legacy-token-key');

  // 3. Exposed on the LAN without a token: the gateway refuses to bind.
  const lan = cfg();
  lan.gateway.bind = 'lan';
  delete lan.gateway.auth.token;
  writeConfig(`${JSON.stringify(lan, null, 2)}\n`);
  scenario('bind "lan" without auth: the doctor generates a token', 'gateway/bind-without-auth');
  openclaw(['config', 'set', 'gateway.bind', 'loopback'], { title: 'and back to loopback: this demo has no network' });

  // 4. The state dir and config readable by everyone (a copy or an umask).
  fs.chmodSync(stateDir, 0o755);
  fs.chmodSync(configPath, 0o644);
  scenario('State dir and config readable by other users', 'state/permissions');

  // 5. A gateway killed with SIGKILL leaves its lock behind.
  const killed = await startGateway(port);
  if (killed.ok) {
    killed.child.kill('SIGKILL');
    await exited(killed.child);
  }
  console.log(`\n  (started a gateway, pid ${killed.child.pid}, and killed it with SIGKILL)`);
  scenario('A stale lock of a killed gateway', 'gateway/stale-lock');

  // Now it starts, answers the probe, and the doctor has nothing to say about the gateway.
  console.log('\n━━ Start the repaired gateway');
  const gw = await startGateway(port);
  console.log(gw.ok ? `  gateway running (pid ${gw.child.pid})` : `  the gateway did not start:\n${gw.out}`);
  const probe = openclaw(['gateway', 'probe'], { title: 'does it answer?' });
  results.push({ checkId: 'gateway probe', ok: gw.ok && probe.code === 0 });
  const doctor = openclaw(['doctor', '--only', 'gateway,config,state'], { title: 'all clear?' });
  results.push({ checkId: 'doctor clean', ok: doctor.code === 0 });
  openclaw(['gateway', 'stop'], { title: 'stop it' });
  await Promise.race([exited(gw.child), new Promise((r) => setTimeout(r, 5000))]);
}

try {
  await main();
} finally {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  if (process.env.OPENCLAW_DEMO_KEEP !== '1') fs.rmSync(scratch, { recursive: true, force: true });
}
const failed = results.filter((r) => !r.ok);
console.log(`\n${failed.length ? '✘' : '✔'} ${results.length - failed.length}/${results.length} verified in ${((Date.now() - started) / 1000).toFixed(1)} s${failed.length ? `; failed: ${failed.map((r) => r.checkId).join(', ')}` : ''}`);
process.exitCode = failed.length ? 1 : 0;
