// `openclaw doctor --targets FILE --json` wall clock against 1, 5 and 20 embedded gateways on
// loopback (median of several runs, default 7; --runs N), and the time per target. Yardsticks in
// the same run: `openclaw gateway probe --url` against one gateway, the local `doctor --json` (gateway
// down), `openclaw --version` and `node -e 0`. BENCH_BASE_CLI=/path/to/other/dist/src/cli/main.js
// adds that build's local `doctor --json`, to compare the fast path before and after a change.
// "Δ" is the median of the run-by-run differences between the two builds. Results go to
// bench/results/doctor-fleet.json.
import fs from 'node:fs';
import path from 'node:path';
import { CLI, freePort, machine, measure, printTable, ROOT, runsFromArgs, startGateway } from './doctor-lib.mjs';

if (!fs.existsSync(CLI)) {
  console.error('build first: npm run build');
  process.exit(2);
}
const runs = runsFromArgs(7);
const node = process.execPath;
const COUNT = 20;

// Twenty gateways, started in parallel (machine() gives each the same bench token).
const ports = [];
for (let i = 0; i < COUNT; i++) ports.push(await freePort());
const gateways = await Promise.all(ports.map((port, i) => startGateway(['gateway', '--port', '{port}'], machine(`gw${i}`, { port }).env, port)));

const monitor = machine('monitor', { port: await freePort() });
const env = { ...monitor.env, OPENCLAW_GATEWAY_TOKEN: 'bench-token-0123456789abcdef0123' };
function targets(n) {
  const file = path.join(monitor.root, `targets-${n}.yaml`);
  fs.writeFileSync(file, `targets:\n${ports.slice(0, n).map((p, i) => `  - name: gw${i}\n    url: ws://127.0.0.1:${p}\n`).join('')}`);
  return file;
}

/** Two commands measured in turns, one run each, n times; the medians of each. */
function alternate(argvA, argvB, env, n) {
  const a = [];
  const b = [];
  for (let i = 0; i < n; i++) {
    a.push(measure(argvA, env, 1));
    b.push(measure(argvB, env, 1));
  }
  const med = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const sum = (rs) => ({ medianMs: med(rs.map((r) => r.medianMs)), minMs: Math.min(...rs.map((r) => r.minMs)), maxMs: Math.max(...rs.map((r) => r.maxMs)), medianRssMiB: med(rs.map((r) => r.medianRssMiB)), exitCode: rs[0].exitCode, runs: n });
  // The median of the run-by-run differences: the cost of the change, with the load shared out.
  return [sum(a), { ...sum(b), pairedDeltaMs: med(a.map((r, i) => r.medianMs - b[i].medianMs)) }];
}

const rows = [];
for (const n of [1, 5, 20]) {
  const r = measure([node, CLI, 'doctor', '--targets', targets(n), '--json'], env, runs);
  rows.push({ scenario: `doctor --targets, ${n} gateway${n === 1 ? '' : 's'}`, goal: `${Math.round(r.medianMs / n)} ms/target`, ...r });
}
const seq = measure([node, CLI, 'doctor', '--targets', targets(20), '--json', '--concurrency', '1'], env, runs);
rows.push({ scenario: '  20, --concurrency 1', goal: `${Math.round(seq.medianMs / 20)} ms/target`, ...seq });
rows.push({ scenario: 'doctor --remote, 1 gateway', goal: '', ...measure([node, CLI, 'doctor', '--remote', `ws://127.0.0.1:${ports[0]}`, '--json'], env, runs) });
rows.push({ scenario: 'yardstick: gateway probe --url', goal: '', ...measure([node, CLI, 'gateway', 'probe', '--url', `ws://127.0.0.1:${ports[0]}`, '--json'], env, runs) });

const down = machine('down', { port: await freePort() });
if (process.env.BENCH_BASE_CLI) {
  // Alternated run by run, so a change in the machine's load hits both builds alike.
  const [a, b] = alternate([node, CLI, 'doctor', '--json'], [node, process.env.BENCH_BASE_CLI, 'doctor', '--json'], down.env, runs * 3);
  rows.push({ scenario: 'local doctor --json (gw down)', goal: `Δ ${b.pairedDeltaMs} ms vs base`, ...a }, { scenario: '  same, BENCH_BASE_CLI build', goal: '', ...b });
} else rows.push({ scenario: 'local doctor --json (gw down)', goal: '', ...measure([node, CLI, 'doctor', '--json'], down.env, runs) });
rows.push({ scenario: 'yardstick: openclaw --version', goal: '', ...measure([node, CLI, '--version'], down.env, runs) });
rows.push({ scenario: 'yardstick: node -e 0', goal: '', ...measure([node, '-e', '0'], down.env, runs) });

await Promise.all(gateways.map((g) => g.stop()));
printTable(`openclaw doctor --targets (${runs} runs each, Node ${process.versions.node}; "goal" column: median per target)`, rows);
const out = path.join(ROOT, 'bench/results/doctor-fleet.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.versions.node, runs, rows }, null, 2)}\n`);
console.log(`\nwritten to ${path.relative(ROOT, out)}`);
