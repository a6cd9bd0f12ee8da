#!/usr/bin/env node
// CLI start-up: wall clock and peak RSS of `--version`, `config validate`, `doctor --json` (healthy
// fixture with recorded facts), and gateway start → its "listening" line. Medians over --runs N
// (default 11) after one warm-up. `--cli PATH` measures another build (e.g. the one before a change).
// Goals: doctor --json ≤150 ms ≤80 MiB; gateway listening ≤150 ms. Results: bench/results/startup.json.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CLI, freePort, machine, measure, printTable, ROOT, runsFromArgs } from './doctor-lib.mjs';

const cliArg = process.argv.indexOf('--cli');
const cli = cliArg > 0 ? path.resolve(process.argv[cliArg + 1]) : CLI;
if (!fs.existsSync(cli)) {
  console.error(`no CLI at ${cli}: npm run build first`);
  process.exit(2);
}
const runs = runsFromArgs(11);
const node = process.execPath;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

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
      clearTimeout(timer);
      child.off('exit', fail);
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => (clearTimeout(kill), resolve(ms)));
      child.kill('SIGTERM');
    });
  });
}

const rows = [];
const bare = machine('bare', { port: await freePort() });
rows.push({ scenario: 'baseline: node -e 0', goal: '', ...measure([node, '-e', '0'], bare.env, runs) });
rows.push({ scenario: 'openclaw --version', goal: '', ...measure([node, cli, '--version'], bare.env, runs) });
rows.push({ scenario: 'openclaw config validate', goal: '', ...measure([node, cli, 'config', 'validate'], bare.env, runs) });
const healthy = machine('healthy', { fixture: 'healthy' });
rows.push({ scenario: 'doctor --json (healthy, recorded)', goal: '≤150 ms ≤80 MiB', ...measure([node, cli, 'doctor', '--json'], healthy.env, runs) });

const gw = machine('gateway', { port: await freePort() });
const starts = [];
for (let i = 0; i <= runs; i++) {
  const ms = await gatewayStartMs(gw.env);
  if (i > 0) starts.push(ms); // the first start warms the file cache
}
rows.push({ scenario: 'gateway start → listening', goal: '≤150 ms', medianMs: Math.round(median(starts)), minMs: Math.round(Math.min(...starts)), maxMs: Math.round(Math.max(...starts)), medianRssMiB: '', exitCode: '', runs });

printTable(`CLI start-up (${runs} runs each, Node ${process.versions.node}, ${path.relative(process.cwd(), cli) || cli})`, rows);
if (cliArg < 0) {
  const out = path.join(ROOT, 'bench/results/startup.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.versions.node, runs, rows }, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(ROOT, out)}`);
}
