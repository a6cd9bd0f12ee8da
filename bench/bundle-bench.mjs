// What the support bundle and the shell commands cost, and that `doctor --json` did not get slower
// for having them: the same scenario (gateway down, live) timed with this build and, when
// BASELINE_CLI points at another build's dist/src/cli/main.js (e.g. main before these commands),
// with that one, in alternating rounds of the same run. `node -e 0` is the yardstick.
// Usage: npm run bench -- bundle [--runs N]     (BASELINE_CLI=/path/to/dist/src/cli/main.js optional)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CLI, freePort, machine, measure, printTable, ROOT, runsFromArgs } from './doctor-lib.mjs';

const runs = runsFromArgs(15);
let paired = null;
const node = process.execPath;
const baseline = process.env.BASELINE_CLI;
const down = machine('down', { port: await freePort() });
// A few hundred log lines for the bundle to tail.
fs.mkdirSync(path.join(down.stateDir, 'logs'), { recursive: true });
fs.writeFileSync(path.join(down.stateDir, 'logs', 'gateway.log'), Array.from({ length: 5000 }, (_, i) => `{"level":"info","msg":"line ${i}"}\n`).join(''));

const rows = [{ scenario: 'yardstick: node -e 0', goal: '', ...measure([node, '-e', '0'], down.env, runs) }];
rows.push({ scenario: 'doctor --json, this build', goal: '', ...measure([node, CLI, 'doctor', '--json'], down.env, runs) });
if (baseline) {
  rows.push({ scenario: 'doctor --json, baseline', goal: '', ...measure([node, baseline, 'doctor', '--json'], down.env, runs) });
  // Paired, alternating runs: drift on a shared machine hits both builds alike; the median of the
  // per-pair differences is the number to read.
  const wall = (cli) => {
    const t = performance.now();
    const r = spawnSync(node, [cli, 'doctor', '--json'], { env: down.env, encoding: 'utf8', timeout: 60_000 });
    if (r.error) throw r.error;
    return performance.now() - t;
  };
  wall(CLI), wall(baseline); // warm-up
  const diffs = [];
  for (let i = 0; i < runs * 2; i++) diffs.push(i % 2 ? -(wall(baseline) - wall(CLI)) : wall(CLI) - wall(baseline));
  diffs.sort((x, y) => x - y);
  paired = { pairs: diffs.length, medianDiffMs: Math.round(diffs[diffs.length >> 1] * 10) / 10 };
}
const bundle = path.join(down.root, 'bench-bundle.tar.gz');
rows.push({ scenario: 'doctor --bundle FILE --force', goal: '', ...measure([node, CLI, 'doctor', '--bundle', bundle, '--force'], down.env, runs) });
rows.push({ scenario: 'completion bash', goal: '', ...measure([node, CLI, 'completion', 'bash'], down.env, runs) });

printTable(`support bundle and shell (${runs} runs each, Node ${process.versions.node})`, rows);
const bundleBytes = fs.statSync(bundle).size;
console.log(`bundle size: ${bundleBytes} bytes`);
if (paired) console.log(`doctor --json, this build minus baseline, median of ${paired.pairs} alternating pairs: ${paired.medianDiffMs} ms`);
const out = path.join(ROOT, 'bench/results/bundle.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.versions.node, runs, baseline: baseline ?? null, bundleBytes, paired, rows }, null, 2)}\n`);
console.log(`\nwritten to ${path.relative(ROOT, out)}`);
