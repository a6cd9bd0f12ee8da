// Shared by the doctor benchmarks: scratch machines (a state dir and its environment), and timing
// a command's wall clock and peak RSS over several runs. Peak RSS comes from the child itself: a
// tiny --import hook writes process.resourceUsage().maxRSS when it exits.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The built CLI of a checkout as a user starts it: its package.json `bin` (main.cjs now; main.js in older builds). */
export function binOf(root) {
  return path.join(root, JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).bin.openclaw);
}
export const CLI = binOf(ROOT);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'doctor-bench-'));
const HOOK = path.join(scratch, 'rss-hook.mjs');
// Every Node process of the run appends its own peak (a CLI that re-executes itself has several);
// the run's peak is the largest.
fs.writeFileSync(HOOK, "import fs from 'node:fs';\nprocess.on('exit', () => { if (process.env.BENCH_RSS_FILE) fs.appendFileSync(process.env.BENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\\n`); });\n");
export const HOOK_URL = pathToFileURL(HOOK).href;

// The listeners and gateways started here are killed at exit; they are unref'd so that they do not
// keep the benchmark itself from exiting when its work is done.
const cleanups = [() => fs.rmSync(scratch, { recursive: true, force: true })];
export function cleanup() {
  for (const c of cleanups.splice(0).reverse()) c();
}
process.on('exit', cleanup);

export { freePort } from '../scripts/free-port.mjs';

/** A scratch machine: a healthy config on `port`, its own HOME/TMPDIR, optional recorded facts. */
export function machine(name, { port, fixture } = {}) {
  const root = fs.mkdtempSync(path.join(scratch, `${name}-`));
  const stateDir = path.join(root, 'state');
  let factsDir;
  if (fixture) {
    fs.cpSync(path.join(ROOT, 'fixtures', fixture), root, { recursive: true });
    factsDir = path.join(root, 'facts');
  } else {
    fs.mkdirSync(path.join(stateDir, 'workspace'), { recursive: true });
    fs.writeFileSync(path.join(stateDir, 'workspace', 'HEARTBEAT.md'), '# Heartbeat\n\n- Check the inbox.\n');
    const config = { gateway: { mode: 'local', port, bind: 'loopback', auth: { mode: 'token', token: 'bench-token-0123456789abcdef0123' } } };
    fs.writeFileSync(path.join(stateDir, 'openclaw.json'), `${JSON.stringify(config, null, 2)}\n`);
  }
  for (const dir of [stateDir, ...fs.readdirSync(stateDir, { recursive: true }).map((p) => path.join(stateDir, p))]) {
    fs.chmodSync(dir, fs.statSync(dir).isDirectory() ? 0o700 : 0o600);
  }
  // Not this machine's /tmp/openclaw: a real gateway's logs there would change what is measured.
  const env = { PATH: process.env.PATH, HOME: root, TMPDIR: root, NO_COLOR: '1', OPENCLAW_STATE_DIR: stateDir, OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR: path.join(root, 'openclaw') };
  if (factsDir) env.OPENCLAW_DOCTOR_FACTS = factsDir;
  return { root, stateDir, env };
}

/** A separate process holding a port (the "port busy" scenario). */
export async function holdPort() {
  const child = spawn(process.execPath, ['-e', "const s=require('net').createServer(c=>c.destroy());s.listen(0,'127.0.0.1',()=>console.log(s.address().port))"], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('listener did not start')), 10_000);
    child.stdout.once('data', (d) => (clearTimeout(t), resolve(Number(String(d).trim()))));
  });
  child.stdout.destroy();
  child.unref();
  cleanups.push(() => child.kill('SIGKILL'));
  return port;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs `argv` `runs` times (after one warm-up) and returns wall-clock and peak-RSS medians. */
export function measure(argv, env, runs) {
  const rssFile = path.join(scratch, `rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const childEnv = { ...env, BENCH_RSS_FILE: rssFile, NODE_OPTIONS: `--import=${HOOK_URL}` };
  const walls = [];
  const rss = [];
  let status;
  for (let i = 0; i <= runs; i++) {
    fs.rmSync(rssFile, { force: true });
    const t = performance.now();
    const r = spawnSync(argv[0], argv.slice(1), { env: childEnv, encoding: 'utf8', timeout: 120_000 });
    const ms = performance.now() - t;
    if (r.error) throw r.error;
    status = r.status;
    if (i === 0) continue; // warm the file cache
    walls.push(ms);
    rss.push(Math.max(...fs.readFileSync(rssFile, 'utf8').trim().split('\n').map(Number)) / 1024);
  }
  return { medianMs: Math.round(median(walls)), minMs: Math.round(Math.min(...walls)), maxMs: Math.round(Math.max(...walls)), medianRssMiB: Math.round(median(rss) * 10) / 10, maxRssMiB: Math.round(Math.max(...rss) * 10) / 10, exitCode: status, runs };
}

export function printTable(title, rows) {
  console.log(`\n${title}`);
  console.log('scenario'.padEnd(34), 'median ms'.padStart(10), 'min–max ms'.padStart(14), 'median RSS MiB'.padStart(16), 'goal'.padStart(18), 'exit');
  for (const r of rows) {
    console.log(r.scenario.padEnd(34), String(r.medianMs).padStart(10), `${r.minMs}–${r.maxMs}`.padStart(14), String(r.medianRssMiB).padStart(16), (r.goal ?? '').padStart(18), ` ${r.exitCode}`);
  }
}

export function runsFromArgs(def = 9) {
  const i = process.argv.indexOf('--runs');
  return i > 0 ? Number(process.argv[i + 1]) : def;
}

/**
 * Starts `node <CLI> ...args` ({port} replaced), or `command ...args`, with `env` and waits, at most
 * 60 s, until the gateway answers GET /health (a real OpenClaw gateway listens before it is ready).
 */
export async function startGateway(args, env, port, command = [process.execPath, CLI]) {
  const child = spawn(command[0], [...command.slice(1), ...args.map((a) => a.replace('{port}', String(port)))], { env, stdio: 'ignore' });
  child.unref();
  const stop = () => child.kill('SIGKILL');
  cleanups.push(stop);
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const status = await new Promise((resolve) => {
      http.get({ host: '127.0.0.1', port, path: '/health', timeout: 2000 }, (res) => (res.resume(), resolve(res.statusCode))).on('error', () => resolve(0));
    });
    if (status === 200) return { child, stop: () => stopAndWait(child) };
    if (child.exitCode !== null) throw new Error(`the gateway exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the gateway did not answer /health within 60 s');
}

/** SIGTERM, then SIGKILL after 10 s; resolves when the process has exited. */
function stopAndWait(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => (clearTimeout(kill), resolve()));
    child.kill('SIGTERM');
  });
}
