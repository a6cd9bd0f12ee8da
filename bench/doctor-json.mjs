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
// --against <dist dir>: also measure another build (the one a change started from) in the same run.
const againstAt = process.argv.indexOf('--against');
const against = againstAt > 0 ? path.join(path.resolve(process.argv[againstAt + 1]), 'src/cli/main.js') : undefined;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Ours, and with --against the other build, alternating run by run so both see the same machine load. */
function both(scenario, goal, env) {
  if (!against) return void rows.push({ scenario, goal, ...measure([node, CLI, 'doctor', '--json'], env, runs) });
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    a.push(measure([node, CLI, 'doctor', '--json'], env, 1));
    b.push(measure([node, against, 'doctor', '--json'], env, 1));
  }
  const sum = (xs) => ({ medianMs: median(xs.map((x) => x.medianMs)), minMs: Math.min(...xs.map((x) => x.minMs)), maxMs: Math.max(...xs.map((x) => x.maxMs)), medianRssMiB: median(xs.map((x) => x.medianRssMiB)), maxRssMiB: Math.max(...xs.map((x) => x.maxRssMiB)), exitCode: xs.at(-1).exitCode, runs });
  rows.push({ scenario, goal, ...sum(a) }, { scenario: '  same, --against build', goal: '', ...sum(b) });
}
const node = process.execPath;
const rows = [];

const healthy = machine('healthy', { fixture: 'healthy' });
both('healthy (recorded gateway facts)', '≤150 ms ≤80 MiB', healthy.env);

// With our embedded gateway (once merged): DOCTOR_BENCH_GATEWAY_ARGS='gateway --port {port}'.
if (process.env.DOCTOR_BENCH_GATEWAY_ARGS) {
  const port = await freePort();
  const running = machine('running', { port });
  await startGateway(process.env.DOCTOR_BENCH_GATEWAY_ARGS.split(' '), running.env, port);
  both('healthy, our gateway running (live)', '≤150 ms ≤80 MiB', running.env);
  // The same run compiling the CLI from source instead of starting from the build's code cache.
  rows.push({ scenario: '  same, without the code cache', goal: '', ...measure([node, CLI, 'doctor', '--json'], { ...running.env, OPENCLAW_NO_CODE_CACHE: '1' }, runs) });
}

const down = machine('down', { port: await freePort() });
both('gateway down (live)', '≤200 ms ≤80 MiB', down.env);

const busy = machine('busy', { port: await holdPort() });
rows.push({ scenario: 'port held by another process', goal: '(no goal)', ...measure([node, CLI, 'doctor', '--json'], busy.env, runs) });

// A full shared log: 500 lines (the doctor's tail limit) from another instance on another port, each
// attributed to its instance (issue 14 item 1), next to a running gateway of this install.
if (process.env.DOCTOR_BENCH_GATEWAY_ARGS) {
  const port = await freePort();
  const shared = machine('shared-log', { port });
  await startGateway(process.env.DOCTOR_BENCH_GATEWAY_ARGS.split(' '), shared.env, port);
  fs.mkdirSync(shared.env.OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR, { recursive: true });
  const day = new Date();
  const file = path.join(shared.env.OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR, `openclaw-${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}.log`);
  const line = (i) => JSON.stringify({ 0: '{"subsystem":"gateway/ws"}', 1: `unauthorized conn=${i} remote=127.0.0.1 client=openclaw-control-ui webchat v2026.9.6 host=127.0.0.1:18801 reason=token_mismatch guidance=unauthorized: gateway token mismatch`, _meta: { logLevelName: 'WARN', date: day.toISOString() }, time: day.toISOString() });
  fs.writeFileSync(file, `${Array.from({ length: 500 }, (_, i) => line(i)).join('\n')}\n`);
  both('running + 500 shared-log lines', '(no goal)', shared.env);
}

const bare = machine('bare', { port: await freePort() });
rows.push({ scenario: 'baseline: node -e 0', goal: '', ...measure([node, '-e', '0'], bare.env, runs) });
rows.push({ scenario: 'baseline: openclaw --version', goal: '', ...measure([node, CLI, '--version'], bare.env, runs) });

printTable(`openclaw doctor --json (${runs} runs each, Node ${process.versions.node})`, rows);
const out = path.join(ROOT, 'bench/results/doctor-json.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.versions.node, runs, rows }, null, 2)}\n`);
console.log(`\nwritten to ${path.relative(ROOT, out)}`);
