#!/usr/bin/env node
// What Prometheus metrics and the system facts cost (bench/README.md, "Monitoring"). Interleaved
// A/B runs of this build against a baseline build (`--baseline PATH`, default /work/main's dist):
// - gateway start → "listening" (prom-client must not load at start),
// - `doctor --json` on a live scratch machine (the disk, memory and virt facts are collected live),
// and, in fresh processes: the three system-fact collectors vs systeminformation's equivalents
// (when it is installed), and loading prom-client. Then /metrics on a running gateway: first scrape
// (loads prom-client) and later scrapes. Yardstick: `node -e 0` in the same run. Medians over --runs N.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI, freePort, machine, ROOT, runsFromArgs, startGateway } from './doctor-lib.mjs';

const runs = runsFromArgs(11);
const baseArg = process.argv.indexOf('--baseline');
const baseline = baseArg > 0 ? path.resolve(process.argv[baseArg + 1]) : '/work/main/dist/src/cli/main.js';
if (!fs.existsSync(baseline)) {
  console.error(`no baseline CLI at ${baseline}: pass --baseline PATH to a built main.js`);
  process.exit(2);
}
const node = process.execPath;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r1 = (x) => Math.round(x * 10) / 10;

/** CPU time a process has used so far, all threads, in ns from /proc/<pid>/task/<tid>/schedstat (/proc/<pid>/stat counts 10 ms ticks). */
function cpuMsOf(pid) {
  let ns = 0;
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) ns += Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
  return ns / 1e6;
}

/** Spawn → `listening on ws://…` → SIGTERM; at most 15 s. */
function gatewayStart(cli, env) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(node, [cli, 'gateway', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`no listening line within 15 s:\n${out}`))), 15_000);
    child.stderr.on('data', (d) => (out += d));
    child.stdout.on('data', (d) => {
      out += d;
      if (!/listening on ws:\/\//.test(out) || child.killed) return;
      const ms = performance.now() - t0;
      const cpuMs = cpuMsOf(child.pid);
      clearTimeout(timer);
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => (clearTimeout(kill), resolve({ ms, cpuMs })));
      child.kill('SIGTERM');
    });
  });
}

const usageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitoring-usage-'));
process.on('exit', () => fs.rmSync(usageDir, { recursive: true, force: true }));
const hook = path.join(usageDir, 'usage-hook.mjs');
fs.writeFileSync(hook, "import fs from 'node:fs';\nprocess.on('exit', () => { const u = process.resourceUsage(); if (process.env.BENCH_USAGE_FILE) fs.writeFileSync(process.env.BENCH_USAGE_FILE, String(u.userCPUTime + u.systemCPUTime)); });\n");

/** One child run: wall ms, and the CPU ms the child reports on exit (less swayed by load than wall time). */
function timedRun(argv, env, { cpu = false } = {}) {
  const usage = path.join(usageDir, 'usage');
  const childEnv = cpu ? { ...env, BENCH_USAGE_FILE: usage, NODE_OPTIONS: `--import=${pathToFileURL(hook).href}` } : env;
  const t = performance.now();
  const r = spawnSync(argv[0], argv.slice(1), { env: childEnv, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  const ms = performance.now() - t;
  return { ms, status: r.status, stdout: r.stdout, cpuMs: cpu ? Number(fs.readFileSync(usage, 'utf8')) / 1000 : undefined };
}

/** A/B: alternate the two commands so both see the same load; the first round warms the caches. */
async function ab(label, a, b) {
  const A = [];
  const B = [];
  for (let i = 0; i <= runs; i++) {
    const ra = await a();
    const rb = await b();
    if (i > 0) A.push(ra), B.push(rb);
  }
  const row = (who, xs) => ({ scenario: `${label} (${who})`, medianMs: r1(median(xs.map((x) => x.ms))), minMs: r1(Math.min(...xs.map((x) => x.ms))), cpuMs: xs[0].cpuMs === undefined ? '' : r1(median(xs.map((x) => x.cpuMs))) });
  return [row('this build', A), row('baseline', B)];
}

const rows = [];
const bare = machine('bare', { port: await freePort() });
rows.push(...(await ab('node -e 0 (yardstick)', () => timedRun([node, '-e', '0'], bare.env, { cpu: true }), () => timedRun([node, '-e', '0'], bare.env, { cpu: true }))).slice(0, 1));
const gw = machine('gateway', { port: await freePort() });
rows.push(...(await ab('gateway start → listening', () => gatewayStart(CLI, gw.env), () => gatewayStart(baseline, gw.env))));
const live = machine('live', { port: await freePort() });
rows.push(...(await ab('doctor --json (live, nothing listening)', () => timedRun([node, CLI, 'doctor', '--json'], live.env, { cpu: true }), () => timedRun([node, baseline, 'doctor', '--json'], live.env, { cpu: true }))));

// Fresh processes that print their own timings (ms) as JSON.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'monitoring-bench-'));
process.on('exit', () => fs.rmSync(scratch, { recursive: true, force: true }));
const dist = (p) => pathToFileURL(path.join(ROOT, 'dist', p)).href;
const script = (name, body) => {
  const f = path.join(scratch, name);
  fs.writeFileSync(f, body);
  return f;
};
/** A script that times loading (`load`: code before the mark) and using (`use`) a module, and prints both. */
const timed = (name, load, use) =>
  script(
    name,
    `import { createRequire } from 'node:module';
const require = createRequire('${pathToFileURL(path.join(ROOT, 'package.json')).href}');
const t0 = performance.now();
${load}
const t1 = performance.now();
${use}
console.log(JSON.stringify({ load: t1 - t0, call: performance.now() - t1 }));`,
  );
const direct = timed(
  'direct.mjs',
  `const [{ collectDisk }, { collectMemory }, { collectVirt }] = await Promise.all([import('${dist('src/facts/system-disk.js')}'), import('${dist('src/facts/system-memory.js')}'), import('${dist('src/facts/system-virt.js')}')]);`,
  'await collectDisk(process.argv[2]); collectMemory(); collectVirt(process.env);',
);
const si = timed('si.mjs', "const si = require('systeminformation');", 'await Promise.all([si.fsSize(process.argv[2]), si.mem(), si.system()]);');
const prom = timed('prom.mjs', "require('prom-client');", '');
function inProcess(label, file) {
  const xs = [];
  for (let i = 0; i <= runs; i++) {
    const r = timedRun([node, file, bare.stateDir], bare.env);
    if (r.status !== 0) return [{ scenario: `${label}: not available (${r.stdout.trim() || 'exit ' + r.status})`, medianMs: '', minMs: '', cpuMs: '' }];
    if (i > 0) xs.push(JSON.parse(r.stdout));
  }
  return [
    { scenario: `${label}: load`, medianMs: r1(median(xs.map((x) => x.load))), minMs: r1(Math.min(...xs.map((x) => x.load))), cpuMs: '' },
    { scenario: `${label}: collect`, medianMs: r1(median(xs.map((x) => x.call))), minMs: r1(Math.min(...xs.map((x) => x.call))), cpuMs: '' },
  ];
}
rows.push(...inProcess('system facts, direct reads', direct));
rows.push(...inProcess('systeminformation (fsSize, mem, system)', si));
rows.push(...inProcess('prom-client', prom).slice(0, 1));

// /metrics on a running gateway: the first scrape loads prom-client.
const port = await freePort();
const scraped = machine('scraped', { port });
const g = await startGateway(['gateway', '--port', '{port}'], scraped.env, port, [node, CLI]);
const rssMiB = () => r1(Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${g.child.pid}/status`, 'utf8'))[1]) / 1024);
const scrape = async () => {
  const t = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(10_000) });
  await res.text();
  return performance.now() - t;
};
const rssBefore = rssMiB();
const first = await scrape();
const later = [];
for (let i = 0; i < runs; i++) later.push(await scrape());
rows.push({ scenario: '/metrics first scrape', medianMs: r1(first), minMs: '', cpuMs: '' });
rows.push({ scenario: '/metrics later scrapes', medianMs: r1(median(later)), minMs: r1(Math.min(...later)), cpuMs: '' });
rows.push({ scenario: `gateway RSS MiB before → after scrapes`, medianMs: `${rssBefore} → ${rssMiB()}`, minMs: '', cpuMs: '' });
await g.stop();

console.log(`\nMonitoring (${runs} runs each, Node ${process.versions.node}, load average ${os.loadavg()[0].toFixed(1)}, baseline ${baseline})`);
console.log('scenario'.padEnd(48), 'median ms'.padStart(14), 'min ms'.padStart(8), 'CPU ms'.padStart(8));
for (const r of rows) console.log(r.scenario.padEnd(48), String(r.medianMs).padStart(14), String(r.minMs).padStart(8), String(r.cpuMs).padStart(8));
const out = path.join(ROOT, 'bench/results/monitoring.json');
fs.writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.versions.node, loadAverage: os.loadavg()[0], runs, baseline, rows }, null, 2)}\n`);
console.log(`\nwritten to ${path.relative(ROOT, out)}`);
