// `doctor --json` against our running gateway, this build against another checkout's build, with
// `node -e 0` as the yardstick, alternating run by run so load hits all three alike. Issues 14, 16
// and 17 ask that doctor --json stays within 2.2× of `node -e 0` and is not slower than before.
// Usage: npm run build && node bench/doctor-vs-baseline.mjs BASELINE_CHECKOUT [RUNS=21]
// BENCH_KEEP_ENV=NODE_EXTRA_CA_CERTS keeps those variables of this shell in every run (a shell that
// exports NODE_EXTRA_CA_CERTS adds ~40 ms to every Node start, the yardstick's included).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { binOf, CLI, cleanup, freePort, machine, startGateway } from './doctor-lib.mjs';

const baselineRoot = process.argv[2];
const RUNS = Number(process.argv[3] ?? 21);
const baselineCli = baselineRoot && binOf(path.resolve(baselineRoot));
if (!fs.existsSync(CLI) || !baselineCli || !fs.existsSync(baselineCli)) {
  console.error('usage: npm run build && node bench/doctor-vs-baseline.mjs BASELINE_CHECKOUT_WITH_A_BUILD [RUNS]');
  process.exit(2);
}
const port = await freePort();
const m = machine('vs-baseline', { port });
for (const name of (process.env.BENCH_KEEP_ENV ?? '').split(',').filter(Boolean)) if (process.env[name] !== undefined) m.env[name] = process.env[name];
await startGateway(['gateway', '--port', String(port)], m.env, port);

const commands = [
  { name: 'node -e 0', argv: [process.execPath, '-e', '0'] },
  { name: 'doctor --json, baseline', argv: [process.execPath, baselineCli, 'doctor', '--json'] },
  { name: 'doctor --json, this build', argv: [process.execPath, CLI, 'doctor', '--json'] },
];
const times = new Map(commands.map((c) => [c.name, []]));
const exits = new Map();
for (let run = -1; run < RUNS; run++) {
  const order = run % 2 ? commands : [...commands].reverse();
  for (const c of order) {
    const t = performance.now();
    const r = spawnSync(c.argv[0], c.argv.slice(1), { env: m.env, encoding: 'utf8', timeout: 60_000 });
    const ms = performance.now() - t;
    if (run >= 0) times.get(c.name).push(ms); // run -1 warms the file cache
    exits.set(c.name, r.status);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const yard = median(times.get('node -e 0'));
console.log(`\ndoctor --json with our gateway running, ${RUNS} alternating runs, medians${process.env.BENCH_KEEP_ENV ? ` (kept from the shell: ${process.env.BENCH_KEEP_ENV})` : ''}\n`);
console.log('| command | median | × node -e 0 | exit |\n| --- | ---: | ---: | ---: |');
for (const c of commands) {
  const med = median(times.get(c.name));
  console.log(`| ${c.name} | ${med.toFixed(0)} ms | ${(med / yard).toFixed(2)} | ${exits.get(c.name)} |`);
}
cleanup();
process.exit(0);
