#!/usr/bin/env node
// CLI start-up: wall clock and peak RSS of `--version`, `config validate`, `doctor --json` (healthy
// fixture with recorded facts), and gateway start → its "listening" line. Medians over --runs N
// (default 11) after one warm-up. `--cli PATH` measures another build (e.g. the one before a change).
// Besides wall clock, each run reports the CPU time the child used (user + system): on a machine
// shared with other work, wall clock swings with the load and CPU time much less.
// Goals: doctor --json ≤150 ms ≤80 MiB; gateway listening ≤150 ms. Results: bench/results/startup.json.
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI, freePort, machine, ROOT, runsFromArgs } from './doctor-lib.mjs';

const cliArg = process.argv.indexOf('--cli');
const cli = cliArg > 0 ? path.resolve(process.argv[cliArg + 1]) : CLI;
if (!fs.existsSync(cli)) {
  console.error(`no CLI at ${cli}: npm run build first`);
  process.exit(2);
}
const runs = runsFromArgs(11);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'startup-bench-'));
process.on('exit', () => fs.rmSync(scratch, { recursive: true, force: true }));
const hook = path.join(scratch, 'usage-hook.mjs');
fs.writeFileSync(hook, "import fs from 'node:fs';\nprocess.on('exit', () => { const u = process.resourceUsage(); if (process.env.BENCH_USAGE_FILE) fs.writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ rssKiB: u.maxRSS, cpuUs: u.userCPUTime + u.systemCPUTime })); });\n");
const node = process.execPath;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const summary = (walls, cpus, rss) => ({
  medianMs: Math.round(median(walls)),
  minMs: Math.round(Math.min(...walls)),
  maxMs: Math.round(Math.max(...walls)),
  medianCpuMs: Math.round(median(cpus)),
  medianRssMiB: rss.length ? Math.round(median(rss) * 10) / 10 : undefined,
});

/** Runs argv `runs` times after one warm-up: wall clock, CPU time and peak RSS of the child. */
function measure(argv, env) {
  const usageFile = path.join(scratch, 'usage.json');
  const childEnv = { ...env, BENCH_USAGE_FILE: usageFile, NODE_OPTIONS: `--import=${pathToFileURL(hook).href}` };
  const walls = [];
  const cpus = [];
  const rss = [];
  let exitCode;
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    const r = spawnSync(argv[0], argv.slice(1), { env: childEnv, encoding: 'utf8', timeout: 120_000 });
    const ms = performance.now() - t;
    if (r.error) throw r.error;
    exitCode = r.status;
    if (i === 0) continue; // warm the file cache
    const u = JSON.parse(fs.readFileSync(usageFile, 'utf8'));
    walls.push(ms);
    cpus.push(u.cpuUs / 1000);
    rss.push(u.rssKiB / 1024);
  }
  return { ...summary(walls, cpus, rss), exitCode };
}

/** CPU time (user + system) a process has used so far, from /proc (USER_HZ is 100 on Linux). */
function cpuMsOf(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
}

/** Spawn → the gateway prints `listening on ws://…`, then SIGTERM; at most 15 s per start. */
function gatewayStartMs(env) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(node, [cli, 'gateway', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no listening line within 15 s:\n${out}`));
    }, 15_000);
    const fail = (code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited ${code} before listening:\n${out}`));
    };
    child.on('exit', fail);
    child.stderr.on('data', (d) => (out += d));
    child.stdout.on('data', (d) => {
      out += d;
      if (!/listening on ws:\/\//.test(out)) return;
      const ms = performance.now() - t0;
      const cpuMs = cpuMsOf(child.pid);
      clearTimeout(timer);
      child.off('exit', fail);
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => (clearTimeout(kill), resolve({ ms, cpuMs })));
      child.kill('SIGTERM');
    });
  });
}

const rows = [];
const bare = machine('bare', { port: await freePort() });
rows.push({ scenario: 'baseline: node -e 0', goal: '', ...measure([node, '-e', '0'], bare.env) });
rows.push({ scenario: 'openclaw --version', goal: '', ...measure([node, cli, '--version'], bare.env) });
rows.push({ scenario: 'openclaw config validate', goal: '', ...measure([node, cli, 'config', 'validate'], bare.env) });
const healthy = machine('healthy', { fixture: 'healthy' });
rows.push({ scenario: 'doctor --json (healthy, recorded)', goal: '≤150 ms ≤80 MiB', ...measure([node, cli, 'doctor', '--json'], healthy.env) });

const gw = machine('gateway', { port: await freePort() });
const starts = [];
for (let i = 0; i <= runs; i++) {
  const start = await gatewayStartMs(gw.env);
  if (i > 0) starts.push(start); // the first start warms the file cache
}
rows.push({ scenario: 'gateway start → listening', goal: '≤150 ms', ...summary(starts.map((s) => s.ms), starts.map((s) => s.cpuMs), []) });

function printTable(title) {
  console.log(`\n${title}`);
  console.log('scenario'.padEnd(34), 'median ms'.padStart(10), 'min–max ms'.padStart(12), 'CPU ms'.padStart(8), 'RSS MiB'.padStart(8), '  goal');
  for (const r of rows) {
    console.log(r.scenario.padEnd(34), String(r.medianMs).padStart(10), `${r.minMs}–${r.maxMs}`.padStart(12), String(r.medianCpuMs).padStart(8), String(r.medianRssMiB ?? '').padStart(8), ` ${r.goal}${r.exitCode ? ` (exit ${r.exitCode})` : ''}`);
  }
}

printTable(`CLI start-up (${runs} runs each, Node ${process.versions.node}, load average ${os.loadavg()[0].toFixed(1)}, ${cli})`);
if (cliArg < 0) {
  const out = path.join(ROOT, 'bench/results/startup.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.versions.node, loadAverage: os.loadavg()[0], runs, rows }, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(ROOT, out)}`);
}
