// Writes dist/src/cli/openclaw.cjs.cache, the V8 code cache the launcher starts the CLI with
// (src/cli/bundle-script.ts). V8 saves the bytecode of the functions a script has compiled so far,
// so the cache is taken after a real run of the command whose start-up matters most: `doctor
// --json` against a running gateway on a scratch state dir (the probe, the checks, the reporters).
// Commands it did not exercise still start from it and compile the rest as usual. The gateway,
// whose start is the other one measured, gets a cache of its own, openclaw.cjs.gateway.cache,
// taken when a scratch gateway listens.
// Runs after the build (package.json); `--record ARGS…` and `--record-gateway PORT` are the children
// that run the CLI and save.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort } from './free-port.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/src/cli/main.js');
const bundleScript = pathToFileURL(path.join(ROOT, 'dist/src/cli/bundle-script.js')).href;

if (process.argv[2] === '--record') {
  const { compileBundle, runBundle, writeCodeCache } = await import(bundleScript);
  const { script } = compileBundle({ useCache: false });
  process.on('exit', () => writeCodeCache(script));
  process.argv = [process.execPath, CLI, ...process.argv.slice(3)];
  runBundle(script);
} else if (process.argv[2] === '--record-gateway') {
  // The gateway's own cache (bundle-script.ts, cacheFileFor): taken once it listens, so it holds
  // what a start compiles before it can serve, which is what `gateway` start-up waits for.
  const port = Number(process.argv[3]);
  const { compileBundle, runBundle, writeCodeCache, GATEWAY_CODE_CACHE_FILE } = await import(bundleScript);
  const { script } = compileBundle({ useCache: false });
  process.argv = [process.execPath, CLI, 'gateway', '--port', String(port)];
  runBundle(script);
  const until = Date.now() + 15_000;
  while (Date.now() < until && !(await listening(port))) await new Promise((r) => setTimeout(r, 20));
  if (Date.now() < until) writeCodeCache(script, GATEWAY_CODE_CACHE_FILE);
  process.exit(0);
} else {
  await record();
}

async function listening(port) {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port }, () => (s.destroy(), resolve(true)));
    s.on('error', () => resolve(false));
  });
}

async function record() {
  const { CODE_CACHE_FILE, GATEWAY_CODE_CACHE_FILE } = await import(bundleScript);
  for (const f of [CODE_CACHE_FILE, GATEWAY_CODE_CACHE_FILE]) fs.rmSync(f, { force: true });
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'openclaw-code-cache-'));
  const stateDir = path.join(root, 'state');
  fs.mkdirSync(stateDir, { mode: 0o700 });
  const port = await freePort();
  const config = { gateway: { mode: 'local', port, bind: 'loopback', auth: { mode: 'token', token: 'code-cache-0123456789abcdef0123456789abcdef' } } };
  fs.writeFileSync(path.join(stateDir, 'openclaw.json'), `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  // A real gateway's daily log with a line the catalog knows, so the recording compiles the log
  // scan too (this machine's own /tmp/openclaw is not read).
  const upstreamLogs = path.join(root, 'openclaw');
  fs.mkdirSync(upstreamLogs);
  const line = (msg, level) => JSON.stringify({ 0: msg, _meta: { logLevelName: level, date: new Date().toISOString() } });
  fs.writeFileSync(
    path.join(upstreamLogs, `openclaw-${new Date().toISOString().slice(0, 10)}.log`),
    `${line('gateway listening on ws://127.0.0.1:18789', 'INFO')}\n${line('Gateway failed to start: another gateway instance is already listening on ws://127.0.0.1:18789', 'ERROR')}\n`,
  );
  const env = { PATH: process.env.PATH, HOME: root, TMPDIR: root, NO_COLOR: '1', OPENCLAW_STATE_DIR: stateDir, OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR: upstreamLogs };
  const gateway = spawn(process.execPath, [CLI, 'gateway', '--port', String(port)], { env, stdio: 'ignore' });
  try {
    // A gateway that does not come up (no loopback in some sandbox) still leaves a useful cache:
    // the doctor then takes its "not running" path.
    const until = Date.now() + 15_000;
    while (Date.now() < until && gateway.exitCode === null && !(await listening(port))) await new Promise((r) => setTimeout(r, 50));
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--record', 'doctor', '--json'], { env, stdio: 'ignore', timeout: 60_000 });
    if (r.error) throw r.error;
    // The gateway's start, on a state dir and port of its own (the first gateway holds its lock).
    const gatewayState = path.join(root, 'gateway-state');
    fs.mkdirSync(gatewayState, { mode: 0o700 });
    const gatewayPort = await freePort();
    const gatewayConfig = { gateway: { ...config.gateway, port: gatewayPort } };
    fs.writeFileSync(path.join(gatewayState, 'openclaw.json'), `${JSON.stringify(gatewayConfig, null, 2)}\n`, { mode: 0o600 });
    const g = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--record-gateway', String(gatewayPort)], { env: { ...env, OPENCLAW_STATE_DIR: gatewayState }, stdio: 'ignore', timeout: 60_000 });
    if (g.error) throw g.error;
  } finally {
    gateway.kill('SIGKILL');
    fs.rmSync(root, { recursive: true, force: true });
  }
  // Without a cache the CLI still works, only slower to start: say so, do not fail the install.
  if (!fs.existsSync(CODE_CACHE_FILE)) {
    console.warn('code cache: the recording run wrote none; the CLI will compile from source at each start');
    return;
  }
  console.log(`code cache: ${path.relative(ROOT, CODE_CACHE_FILE)}, ${Math.round(fs.statSync(CODE_CACHE_FILE).size / 1024)} KiB`);
  if (fs.existsSync(GATEWAY_CODE_CACHE_FILE)) console.log(`code cache: ${path.relative(ROOT, GATEWAY_CODE_CACHE_FILE)}, ${Math.round(fs.statSync(GATEWAY_CODE_CACHE_FILE).size / 1024)} KiB`);
  else console.warn('code cache: the gateway recording wrote none; `gateway` will start from the doctor\'s');
}
