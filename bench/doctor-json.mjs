// `openclaw doctor --json` wall clock and peak RSS, median of several runs (default 9; --runs N).
// Scenarios: a healthy machine (facts recorded from a running gateway: the checks, loader and
// config path without network), the gateway down (live: nothing listens), and the port held by
// another process (live: ss/lsof is asked who holds it). Goals from issue 4: healthy ≤ 150 ms,
// gateway down ≤ 200 ms, ≤ 80 MiB peak. Results go to bench/results/doctor-json.json.
import fs from 'node:fs';
import path from 'node:path';
import { CLI, freePort, holdPort, machine, measure, printTable, ROOT, runsFromArgs, startGateway } from './doctor-lib.mjs';

if (!fs.existsSync(CLI)) {
  console.error('build first: npm run build');
  process.exit(2);
}
const runs = runsFromArgs();
const node = process.execPath;
const rows = [];

const healthy = machine('healthy', { fixture: 'healthy' });
rows.push({ scenario: 'healthy (recorded gateway facts)', goal: '≤150 ms ≤80 MiB', ...measure([node, CLI, 'doctor', '--json'], healthy.env, runs) });

// With our embedded gateway (once merged): DOCTOR_BENCH_GATEWAY_ARGS='gateway --port {port}'.
if (process.env.DOCTOR_BENCH_GATEWAY_ARGS) {
  const port = await freePort();
  const running = machine('running', { port });
  await startGateway(process.env.DOCTOR_BENCH_GATEWAY_ARGS.split(' '), running.env, port);
  rows.push({ scenario: 'healthy, our gateway running (live)', goal: '≤150 ms ≤80 MiB', ...measure([node, CLI, 'doctor', '--json'], running.env, runs) });
  // The same run compiling the CLI from source instead of starting from the build's code cache.
  rows.push({ scenario: '  same, without the code cache', goal: '', ...measure([node, CLI, 'doctor', '--json'], { ...running.env, OPENCLAW_NO_CODE_CACHE: '1' }, runs) });
}

const down = machine('down', { port: await freePort() });
rows.push({ scenario: 'gateway down (live)', goal: '≤200 ms ≤80 MiB', ...measure([node, CLI, 'doctor', '--json'], down.env, runs) });

const busy = machine('busy', { port: await holdPort() });
rows.push({ scenario: 'port held by another process', goal: '(no goal)', ...measure([node, CLI, 'doctor', '--json'], busy.env, runs) });

const bare = machine('bare', { port: await freePort() });
rows.push({ scenario: 'baseline: node -e 0', goal: '', ...measure([node, '-e', '0'], bare.env, runs) });
rows.push({ scenario: 'baseline: openclaw --version', goal: '', ...measure([node, CLI, '--version'], bare.env, runs) });

printTable(`openclaw doctor --json (${runs} runs each, Node ${process.versions.node})`, rows);
const out = path.join(ROOT, 'bench/results/doctor-json.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.versions.node, runs, rows }, null, 2)}\n`);
console.log(`\nwritten to ${path.relative(ROOT, out)}`);
