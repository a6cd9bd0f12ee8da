// Captures what the real OpenClaw prints when it fails (issue 15 item 6): each scenario breaks a
// scratch install one way, runs the real gateway or CLI, and writes what it printed (stdout, stderr,
// the file log's lines) to test/corpus/real-failures/<scenario>/ with an expected.json (the cause a
// reader should get, the scenario, the OpenClaw version, the command with secrets redacted).
// test/unit/real-failures.test.ts then runs `explain` over every capture. Not a test: it needs a real
// `openclaw` (reference §8), which makes outbound requests, so run it only in a loopback-only namespace:
//
//   ip netns exec <ns> env OPENCLAW_UPSTREAM_BIN=<scratch>/node_modules/.bin/openclaw \
//     /usr/bin/node scripts/capture-real-failures.mjs [--only name,name] [--jobs 3]
//
// Captures are made stable enough to commit: the scratch paths, ports, pids, tokens and times are
// replaced by placeholders (<HOME>, <PORT>, <PID>, <TOKEN>, a fixed time).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findUpstream, notLoopbackOnly, removeUpstreamLocks, startUpstreamGateway, upstreamPath } from './upstream-openclaw.mjs';
import { freePort } from './free-port.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'test/corpus/real-failures');
const { values: opts } = parseArgs({ options: { only: { type: 'string' }, jobs: { type: 'string', default: '3' } } });

const upstream = findUpstream();
if (!upstream) {
  console.error('No real openclaw (OPENCLAW_UPSTREAM_BIN, or on PATH): nothing to capture.');
  process.exit(2);
}
const isolation = notLoopbackOnly();
if (isolation) {
  console.error(`Refusing to run the real OpenClaw: ${isolation}.`);
  process.exit(2);
}

const TOKEN = 'capture-0123456789abcdef0123456789abcdef';
const PASSWORD = 'capture-password-0123456789';
const SECRETS = [TOKEN, PASSWORD, 'wrong-token-0123456789abcdef', 'wrong-password-0123', '123456789:AAcaptureFakeTelegramBotToken0000000'];
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'capture-real-'));
const stops = new Set();
const servers = new Set();

async function cleanup() {
  for (const stop of stops) await stop();
  for (const s of servers) s.close();
  removeUpstreamLocks(fs.readdirSync(scratch).map((h) => path.join(scratch, h, '.openclaw')));
  fs.rmSync(scratch, { recursive: true, force: true });
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => void cleanup().then(() => process.exit(130)));

/** A scratch install: HOME, state dir, config path; `config` may be an object, raw text or undefined (none). */
function install(name, config) {
  const home = path.join(scratch, name);
  const stateDir = path.join(home, '.openclaw');
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const configPath = path.join(stateDir, 'openclaw.json');
  const logFile = path.join(stateDir, 'logs', 'openclaw.log');
  const text = typeof config === 'function' ? config({ logFile }) : config;
  if (text !== undefined) fs.writeFileSync(configPath, typeof text === 'string' ? text : `${JSON.stringify(text, null, 2)}\n`, { mode: 0o600 });
  const env = { PATH: upstreamPath(upstream, process.env.PATH), HOME: home, OPENCLAW_STATE_DIR: stateDir, OPENCLAW_CONFIG_PATH: configPath, NO_COLOR: '1', TERM: 'dumb', CI: '1' };
  return { home, stateDir, configPath, logFile, env };
}

/** Runs the real CLI; kills its process group after `timeoutMs`. */
function run(args, env, timeoutMs = 90_000) {
  return new Promise((resolve) => {
    const child = spawn(upstream, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const kill = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    };
    const timer = setTimeout(kill, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      kill(); // workers it left behind
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Replaces what differs between runs (and every secret) with placeholders. */
function stable(text, ctx) {
  let out = text;
  for (const s of SECRETS) out = out.split(s).join('<TOKEN>');
  out = out.split(scratch).join('<SCRATCH>').split(ctx.home ?? '\0').join('<HOME>');
  for (const [i, port] of (ctx.ports ?? []).entries()) out = out.replace(new RegExp(`(?<![\\d.])${port}(?!\\d)`, 'g'), i === 0 ? '<PORT>' : `<PORT${i + 1}>`);
  out = out.replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?/g, '2026-12-01T00:00:00.000Z');
  out = out.replace(/\b(pid[ =:]\s*|pid":\s*|\(pid )\d+/gi, '$1<PID>');
  out = out.replace(/openclaw-\d{4}-\d\d-\d\d\.log/g, 'openclaw-YYYY-MM-DD.log');
  out = out.replace(/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d+Z-\d+/g, '<STAMP>'); // support bundles' file names
  return out;
}

const gw = (gateway, extra = {}) => ({ logFile }) => ({ gateway, logging: { file: logFile }, ...extra });
const local = (port, more = {}) => ({ mode: 'local', port, bind: 'loopback', auth: { mode: 'token', token: TOKEN }, ...more });
const redactArgs = (args) => args.map((a) => (SECRETS.includes(a) ? '<REDACTED>' : a));

/**
 * Each scenario: `config(port)` for its install (undefined: no file), then one of
 *  - start: run `openclaw gateway --port <port>` and capture it refusing (or, with `runFor`, running a while);
 *  - server: a gateway (its own install) or another listener on the port first, then `cli(port)` args;
 *  - cli: just the args.
 * `cause` is what explain should answer; `doctor: true` also captures `doctor` and `doctor --json` there
 * (expecting `doctorCause` when the doctor sees more than the gateway said).
 */
const SCENARIOS = [
  // ── start guards ────────────────────────────────────────────────────────────────────────────────
  { name: 'start-no-config', cause: 'mode-unset', description: 'gateway start with no config file at all', config: () => undefined, start: true, doctor: true },
  { name: 'start-mode-unset', cause: 'mode-unset', description: 'gateway start, config without gateway.mode', config: (p) => gw({ port: p, auth: { mode: 'token', token: TOKEN } }), start: true, doctor: true },
  { name: 'start-mode-remote', cause: 'mode-unset', description: 'gateway start with gateway.mode=remote', config: (p) => gw({ mode: 'remote', port: p, remote: { url: `ws://127.0.0.1:${p}` } }), start: true },
  { name: 'start-bind-lan-no-auth', cause: 'bind-without-auth', description: 'gateway.bind=lan with auth mode none', config: (p) => gw({ mode: 'local', port: p, bind: 'lan', auth: { mode: 'none' } }), start: true, doctor: true },
  { name: 'start-token-mode-no-token', cause: 'auth-token-not-configured', description: 'gateway.auth.mode=token with no token anywhere (loopback)', config: (p) => gw({ mode: 'local', port: p, bind: 'loopback', auth: { mode: 'token' } }), start: true, doctor: true },
  { name: 'start-token-mode-no-token-lan', cause: 'bind-without-auth', description: 'gateway.auth.mode=token with no token, bind=lan', config: (p) => gw({ mode: 'local', port: p, bind: 'lan', auth: { mode: 'token' } }), start: true },
  { name: 'start-password-mode-no-password', cause: 'auth-password-missing', description: 'gateway.auth.mode=password with no password', config: (p) => gw({ mode: 'local', port: p, auth: { mode: 'password' } }), start: true, doctor: true },
  { name: 'start-unparseable-config', cause: 'mode-unset', description: 'config file with a missing comma: the real gateway reads it as empty and says only that gateway.mode is missing', config: (p) => `{\n  gateway: {\n    mode: "local"\n    port: ${p},\n  },\n}\n`, start: true, doctor: true, doctorCause: 'config-invalid' },
  { name: 'start-unknown-key', cause: 'config-invalid', description: 'config with a key the schema does not know', config: (p) => gw(local(p, { frobnicate: { level: 3 } })), start: true, doctor: true },
  { name: 'start-invalid-enum', cause: 'config-invalid', description: 'gateway.auth.mode set to a value that does not exist', config: (p) => gw({ mode: 'local', port: p, bind: 'loopback', auth: { mode: 'oauth' } }), start: true },
  { name: 'start-invalid-bind', cause: 'config-invalid', description: 'gateway.bind set to a value that does not exist', config: (p) => gw({ ...local(p), bind: 'everywhere' }), start: true },
  { name: 'start-newer-config', cause: 'config-newer-version', description: 'config last written by a newer OpenClaw', config: (p) => gw(local(p), { meta: { lastTouchedVersion: '2026.12.1' } }), start: true, doctor: true },
  { name: 'start-legacy-token-key', cause: 'legacy-config-key', description: 'the token under the retired gateway.token key', config: (p) => gw({ mode: 'local', port: p, token: TOKEN }), start: true, doctor: true },
  { name: 'start-secret-ref-unresolved', cause: 'secret-ref-unresolved', description: 'gateway.auth.token is an env SecretRef to a variable that is not set', config: (p) => gw(local(p, { auth: { mode: 'token', token: { source: 'env', provider: 'default', id: 'CAPTURE_MISSING_TOKEN' } } })), start: true },
  { name: 'start-port-taken', cause: 'port-conflict', description: 'another (non-OpenClaw) process listens on the gateway port', config: (p) => gw(local(p)), server: 'tcp', start: true },
  // The first gateway answers /health on that port, so this start is run to its exit, not to health.
  { name: 'start-second-gateway', cause: 'stale-lock', description: 'a second gateway start on the same port while the first runs from the same state dir: the real gateway meets the state lock before the port', config: (p) => gw(local(p)), server: 'same', cli: (p) => ['gateway', '--port', String(p)], timeoutMs: 60_000 },
  { name: 'start-held-lock', cause: 'stale-lock', description: 'a second gateway from the same state dir on another port while the first holds its lock', config: (p) => gw(local(p)), server: 'same', startPort: 'other', start: true },
  { name: 'start-invalid-port', cause: 'none', description: 'gateway started with --port that is not a number: a usage error the CLI states itself, no cause in the catalog', config: (p) => gw(local(p)), cli: () => ['gateway', '--port', 'eighty'] },
  // ── the client side, against a running gateway ─────────────────────────────────────────────────
  { name: 'probe-no-credentials', cause: 'token-missing', description: 'gateway probe with no token against a token gateway', config: () => undefined, server: 'token', cli: (p) => ['gateway', 'probe', '--url', `ws://127.0.0.1:${p}`, '--json'] },
  { name: 'probe-wrong-token', cause: 'token-mismatch', description: 'gateway probe with a wrong token', config: () => undefined, server: 'token', cli: (p) => ['gateway', 'probe', '--url', `ws://127.0.0.1:${p}`, '--token', 'wrong-token-0123456789abcdef', '--json'] },
  { name: 'probe-wrong-token-human', cause: 'token-mismatch', description: 'gateway probe with a wrong token, human output', config: () => undefined, server: 'token', cli: (p) => ['gateway', 'probe', '--url', `ws://127.0.0.1:${p}`, '--token', 'wrong-token-0123456789abcdef'] },
  { name: 'probe-wrong-password', cause: 'token-mismatch', description: 'gateway probe with a wrong password against a password gateway', config: () => undefined, server: 'password', cli: (p) => ['gateway', 'probe', '--url', `ws://127.0.0.1:${p}`, '--password', 'wrong-password-0123', '--json'] },
  { name: 'status-wrong-token', cause: 'token-mismatch', description: 'gateway status with a wrong token in the client config', config: (p) => gw(local(p, { auth: { mode: 'token', token: 'wrong-token-0123456789abcdef' } })), server: 'token', cli: () => ['gateway', 'status'] },
  { name: 'probe-rate-limited', cause: 'auth-rate-limited', description: 'wrong token repeated past the login rate limit (loopback not exempt)', config: () => undefined, server: 'ratelimit', repeat: 4, cli: (p) => ['gateway', 'probe', '--url', `ws://127.0.0.1:${p}`, '--token', 'wrong-token-0123456789abcdef', '--json'] },
  { name: 'probe-nothing-listening', cause: 'gateway-unreachable', description: 'gateway probe on a port where nothing listens', config: () => undefined, cli: (p) => ['gateway', 'probe', '--url', `ws://127.0.0.1:${p}`, '--token', TOKEN, '--json'] },
  { name: 'status-nothing-listening', cause: 'gateway-unreachable', description: 'gateway status while no gateway runs', config: (p) => gw(local(p)), cli: () => ['gateway', 'status'] },
  { name: 'health-nothing-listening', cause: 'gateway-unreachable', description: 'openclaw health while no gateway runs', config: (p) => gw(local(p)), cli: () => ['health'] },
  { name: 'probe-http-not-gateway', cause: 'port-conflict', description: 'gateway probe against a plain HTTP server on the port: something that is not a gateway holds it', config: () => undefined, server: 'http', cli: (p) => ['gateway', 'probe', '--url', `ws://127.0.0.1:${p}`, '--token', TOKEN, '--json'] },
  { name: 'status-http-not-gateway', cause: 'port-conflict', description: 'gateway status when a plain HTTP server holds the configured port (the real CLI says another process listens there)', config: (p) => gw(local(p)), server: 'http', cli: () => ['gateway', 'status'] },
  { name: 'probe-invalid-port', cause: 'gateway-unreachable', description: 'gateway probe with a --url whose port is out of range: the real CLI does not reject it, it finds no gateway', config: () => undefined, cli: () => ['gateway', 'probe', '--url', 'ws://127.0.0.1:99999', '--token', TOKEN, '--json'] },
  { name: 'devices-no-credentials', cause: 'token-missing', description: 'devices list without credentials against a token gateway', config: (p) => gw({ mode: 'local', port: p }), server: 'token', cli: () => ['devices', 'list'] },
  { name: 'cron-no-credentials', cause: 'token-missing', description: 'cron list without credentials against a token gateway', config: (p) => gw({ mode: 'local', port: p }), server: 'token', cli: () => ['cron', 'list'] },
  { name: 'cron-wrong-token', cause: 'token-mismatch', description: 'cron list with a wrong token', config: (p) => gw({ mode: 'local', port: p }), server: 'token', cli: () => ['cron', 'list', '--token', 'wrong-token-0123456789abcdef'] },
  // ── browser, channels, providers ───────────────────────────────────────────────────────────────
  { name: 'browser-cdp-url-invalid', cause: 'cdp-url-invalid', description: 'browser.cdpUrl that is not a URL', config: (p) => gw(local(p), { browser: { enabled: true, cdpUrl: 'not a url' } }), own: true, cli: () => ['browser', 'status'] },
  { name: 'browser-cdp-unreachable', cause: 'browser-launch-failed', description: 'browser.cdpUrl at a loopback port where no Chrome listens: the real gateway then launches Chrome there itself, which fails (root without --no-sandbox)', config: (p) => gw(local(p), { browser: { enabled: true, cdpUrl: 'http://127.0.0.1:9' } }), own: true, cli: () => ['browser', 'start'] },
  { name: 'browser-attach-only', cause: 'cdp-unreachable', description: 'browser.attachOnly with no browser to attach to', config: (p) => gw(local(p), { browser: { enabled: true, attachOnly: true } }), own: true, cli: () => ['browser', 'start'] },
  { name: 'browser-executable-missing', cause: 'browser-executable-missing', description: 'browser.executablePath that does not exist', config: (p) => gw(local(p), { browser: { enabled: true, executablePath: '/nonexistent/chrome' } }), own: true, cli: () => ['browser', 'start'] },
  { name: 'channel-telegram-unreachable', cause: 'channel-unreachable', description: 'a Telegram channel when the network is unreachable', config: (p) => gw(local(p), { channels: { telegram: { enabled: true, botToken: '123456789:AAcaptureFakeTelegramBotToken0000000' } } }), start: true, runFor: 20_000 },
  { name: 'provider-no-credentials', cause: 'provider-auth-missing', description: 'a local agent turn with the default (OpenAI) model and no API key', config: (p) => gw(local(p)), cli: () => ['agent', '--local', '--agent', 'main', '--message', 'hello'] },
  { name: 'provider-unknown-model', cause: 'unknown-model', description: 'a local agent turn with a model the offline catalog does not list', config: (p) => gw(local(p), { agents: { defaults: { model: { primary: 'anthropic/claude-sonnet-4-5' } } } }), cli: () => ['agent', '--local', '--agent', 'main', '--message', 'hello'] },
  { name: 'models-status-no-credentials', cause: 'provider-auth-missing', description: 'models status with the default (OpenAI) model and no API key', config: (p) => gw(local(p)), cli: () => ['models', 'status'] },
];

async function tcpServer(port) {
  const s = net.createServer((c) => c.end());
  await new Promise((r) => s.listen(port, '127.0.0.1', r));
  servers.add(s);
  return async () => (s.close(), servers.delete(s));
}

async function httpServer(port) {
  const s = http.createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>router admin</body></html>'));
  await new Promise((r) => s.listen(port, '127.0.0.1', r));
  servers.add(s);
  return async () => (s.close(), servers.delete(s));
}

/** A running real gateway from its own (or the given) install; waits until it takes connections. */
async function realGateway(name, config, port, reuse) {
  const inst = reuse ?? install(name, config);
  const g = await startUpstreamGateway(upstream, inst.env, port, { waitMs: 90_000 });
  const stop = async () => (await g.stop(), stops.delete(stop));
  stops.add(stop);
  if (g.state !== 'up') {
    await stop();
    throw new Error(`${name}: the real gateway did not start (${g.state}): ${g.output().slice(-600)}`);
  }
  // /health answers before connections are taken (reference): wait until a probe passes.
  for (let i = 0; i < 60; i++) {
    const r = await run(['gateway', 'probe', '--url', `ws://127.0.0.1:${port}`, '--token', TOKEN, '--password', PASSWORD, '--json'], inst.env, 30_000);
    if (/"ok":\s*true/.test(r.stdout)) break;
    await new Promise((r2) => setTimeout(r2, 500));
  }
  return stop;
}

const SERVERS = {
  tcp: (s, port) => tcpServer(port),
  http: (s, port) => httpServer(port),
  token: (s, port) => realGateway(`${s.name}-server`, gw(local(port)), port),
  password: (s, port) => realGateway(`${s.name}-server`, gw({ mode: 'local', port, bind: 'loopback', auth: { mode: 'password', password: PASSWORD } }), port),
  ratelimit: (s, port) =>
    realGateway(`${s.name}-server`, gw(local(port, { auth: { mode: 'token', token: TOKEN, rateLimit: { maxAttempts: 2, windowMs: 60_000, lockoutMs: 60_000, exemptLoopback: false } } })), port),
};

function write(dir, file, text) {
  if (text && text.trim()) fs.writeFileSync(path.join(dir, file), text.endsWith('\n') ? text : `${text}\n`);
}

async function capture(s) {
  const port = await freePort();
  const other = await freePort();
  const inst = install(s.name, s.config(port));
  const ctx = { home: inst.home, ports: [port, other] };
  const dir = path.join(OUT, s.name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const stopsHere = [];
  let command;
  let result;
  try {
    if (s.server === 'same') stopsHere.push(await realGateway(s.name, undefined, port, inst));
    else if (s.server) stopsHere.push(await SERVERS[s.server](s, port));
    if (s.own) stopsHere.push(await realGateway(s.name, undefined, port, inst));
    if (s.start) {
      const startPort = s.startPort === 'other' ? other : port;
      command = ['gateway', '--port', String(startPort)];
      const g = await startUpstreamGateway(upstream, inst.env, startPort, { waitMs: s.runFor ? 90_000 : 60_000 });
      if (g.state === 'up' && s.runFor) await new Promise((r) => setTimeout(r, s.runFor));
      await g.stop();
      // The helper interleaves the gateway's stdout and stderr: both land in output.txt.
      result = { code: g.state, output: g.output() };
    } else {
      command = s.cli(port);
      for (let i = 1; i < (s.repeat ?? 1); i++) await run(command, inst.env);
      result = await run(command, inst.env, s.timeoutMs);
    }
    if (result.output !== undefined) write(dir, 'output.txt', stable(result.output, ctx));
    else {
      write(dir, 'stdout.txt', stable(result.stdout, ctx));
      write(dir, 'stderr.txt', stable(result.stderr, ctx));
    }
    if (fs.existsSync(inst.logFile)) write(dir, 'file-log.jsonl', stable(fs.readFileSync(inst.logFile, 'utf8'), ctx));
    const expected = { cause: s.cause, description: s.description, openclaw: version, command: `openclaw ${redactArgs(command).join(' ')}`, [s.start ? 'gateway' : 'exit']: result.code };
    fs.writeFileSync(path.join(dir, 'expected.json'), `${stable(JSON.stringify(expected, null, 2), ctx)}\n`);
  } finally {
    for (const stop of stopsHere.reverse()) await stop();
  }
  if (s.doctor) {
    for (const [suffix, args] of [['doctor', ['doctor', '--non-interactive']], ['doctor-json', ['doctor', '--json']]]) {
      const ddir = `${dir}-${suffix}`;
      fs.rmSync(ddir, { recursive: true, force: true });
      fs.mkdirSync(ddir, { recursive: true });
      const r = await run(args, inst.env);
      write(ddir, 'stdout.txt', stable(r.stdout, ctx));
      write(ddir, 'stderr.txt', stable(r.stderr, ctx));
      const expected = { cause: s.doctorCause ?? s.cause, description: `the real \`${args.join(' ')}\` after: ${s.description}`, openclaw: version, command: `openclaw ${args.join(' ')}`, exit: r.code };
      fs.writeFileSync(path.join(ddir, 'expected.json'), `${stable(JSON.stringify(expected, null, 2), ctx)}\n`);
    }
  }
}

const version = (await run(['--version'], { PATH: upstreamPath(upstream, process.env.PATH), HOME: scratch })).stdout.match(/\d{4}\.\d+\.\d+/)?.[0] ?? 'unknown';
const only = opts.only?.split(',');
const todo = SCENARIOS.filter((s) => !only || only.includes(s.name));
let failed = 0;
const queue = [...todo];
await Promise.all(
  Array.from({ length: Number(opts.jobs) }, async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      const t0 = Date.now();
      try {
        await capture(s);
        console.log(`ok   ${s.name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
      } catch (err) {
        failed++;
        console.log(`FAIL ${s.name}: ${err.message}`);
      }
    }
  }),
);
await cleanup();
console.log(`${todo.length - failed}/${todo.length} scenarios captured into ${path.relative(ROOT, OUT)} (OpenClaw ${version})`);
process.exit(failed ? 1 : 0);
