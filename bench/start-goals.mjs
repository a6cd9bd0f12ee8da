// The two start-up goals of issues 14 and 16, each against its yardstick measured in the same run:
// - `doctor --json` with our gateway running (live probe) within 2.2× of `node -e 0`;
// - `gateway` from spawn to its `listening on ws://…` line within 1.7× of a bare Node HTTP server
//   from spawn to its listening line.
// Commands alternate run by run (the order reversed every other run) so that the load of a shared
// machine hits yardstick and command alike. Each pair is measured twice: in a clean environment
// and, when this shell sets it, with NODE_EXTRA_CA_CERTS, which adds ~35 ms to every Node start.
// On a loaded machine wall clock follows the load more than the code; --instructions also counts
// each command's instructions under callgrind (one run each; repeated runs differ by 1–4%), which
// the load does not change.
// Usage: npm run build && node bench/start-goals.mjs [--runs 21] [--against OTHER_CHECKOUT_WITH_A_BUILD] [--instructions]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { binOf, CLI, cleanup, freePort, machine, runsFromArgs, startGateway } from './doctor-lib.mjs';

const RUNS = runsFromArgs(21);
const againstAt = process.argv.indexOf('--against');
const baseline = againstAt > 0 ? binOf(path.resolve(process.argv[againstAt + 1])) : undefined;
for (const cli of [CLI, baseline].filter(Boolean)) {
  if (!fs.existsSync(cli)) {
    console.error(`no build at ${cli}: npm run build first`);
    process.exit(2);
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs each command once per round, alternating the order, after one warm-up round; medians in ms. */
async function alternate(commands, once) {
  const times = commands.map(() => []);
  for (let run = -1; run < RUNS; run++) {
    const order = commands.map((_, i) => i);
    if (run % 2) order.reverse();
    for (const i of order) {
      const ms = await once(commands[i]);
      if (run >= 0) times[i].push(ms);
    }
  }
  return times.map((t) => ({ median: median(t), min: Math.min(...t), max: Math.max(...t) }));
}

function timedRun(c) {
  const t = performance.now();
  const r = spawnSync(c.argv[0], c.argv.slice(1), { env: c.env, encoding: 'utf8', timeout: 60_000 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** Spawn → the first stdout line saying "listening"; then SIGTERM and wait for the exit (10 s at most). */
function timedListen(c) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const proc = spawn(c.argv[0], c.argv.slice(1), { env: c.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let ms;
    const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
    proc.stdout.on('data', (d) => {
      out += d;
      if (ms === undefined && /listening/.test(out)) {
        ms = performance.now() - t;
        proc.kill('SIGTERM');
      }
    });
    proc.stderr.on('data', (d) => (out += d));
    proc.on('exit', () => {
      clearTimeout(timer);
      if (ms === undefined) reject(new Error(`${c.name} never said it was listening:\n${out}`));
      else resolve(ms);
    });
  });
}

const caCerts = process.env.NODE_EXTRA_CA_CERTS;
const environments = [['clean (PATH, HOME, TMPDIR)', {}], ...(caCerts ? [['with NODE_EXTRA_CA_CERTS', { NODE_EXTRA_CA_CERTS: caCerts }]] : [])];
const port = await freePort();
const doctorMachine = machine('goals', { port });
// With --against, the baseline's gateway: both doctors then probe the same server, and an older
// build that does not know this checkout's CLI as a gateway (ad124e2) does no extra work for it.
await startGateway(['gateway', '--port', String(port)], doctorMachine.env, port, baseline ? [process.execPath, baseline] : undefined);
const gatewayMachine = machine('goals-gateway', { port: await freePort() }); // the runs listen on --port 0
const bareServer = "require('node:http').createServer().listen(0, '127.0.0.1', function () { console.log('listening on ' + this.address().port); })";

/** Instructions the command executes (callgrind's total); servers exit at their listening line. */
function instructions(c) {
  const argv = c.listens ? [c.argv[0], '--require', EXIT_ON_LISTEN, ...c.argv.slice(1)] : c.argv;
  const r = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', ...argv], { env: c.env, encoding: 'utf8', timeout: 300_000 });
  const m = /Collected : (\d+)/.exec(r.stderr ?? '');
  if (!m) throw new Error(`callgrind gave no count for ${c.name} (is valgrind installed?): ${r.error ?? r.stderr}`);
  return Number(m[1]);
}
const countInstructions = process.argv.includes('--instructions');
const EXIT_ON_LISTEN = path.join(gatewayMachine.root, 'exit-on-listen.cjs');
fs.writeFileSync(EXIT_ON_LISTEN, "const w = process.stdout.write.bind(process.stdout);\nprocess.stdout.write = (c, ...a) => { const r = w(c, ...a); if (/listening/.test(String(c))) process.exit(0); return r; };\n");

const rows = [];
for (const [envName, extra] of environments) {
  const denv = { ...doctorMachine.env, ...extra };
  const doctor = [
    { name: 'node -e 0', argv: [process.execPath, '-e', '0'], env: denv },
    { name: 'doctor --json, this build', argv: [process.execPath, CLI, 'doctor', '--json'], env: denv },
    ...(baseline ? [{ name: 'doctor --json, baseline', argv: [process.execPath, baseline, 'doctor', '--json'], env: denv }] : []),
  ];
  const dt = await alternate(doctor, timedRun);
  const di = countInstructions ? doctor.map(instructions) : [];
  for (let i = 1; i < doctor.length; i++) rows.push({ env: envName, goal: 'doctor --json ≤ 2.2× node -e 0', what: doctor[i].name, t: dt[i], yard: dt[0], ir: di[i], yardIr: di[0] });

  const genv = { ...gatewayMachine.env, ...extra };
  const gateway = [
    { name: 'bare node:http server', argv: [process.execPath, '-e', bareServer], env: genv },
    { name: 'gateway, this build', argv: [process.execPath, CLI, 'gateway', '--port', '0'], env: genv },
    ...(baseline ? [{ name: 'gateway, baseline', argv: [process.execPath, baseline, 'gateway', '--port', '0'], env: genv }] : []),
  ];
  const gt = await alternate(gateway, timedListen);
  const gi = countInstructions ? gateway.map((c) => instructions({ ...c, listens: true })) : [];
  for (let i = 1; i < gateway.length; i++) rows.push({ env: envName, goal: 'gateway → listening ≤ 1.7× bare server', what: gateway[i].name, t: gt[i], yard: gt[0], yardName: 'bare server', ir: gi[i], yardIr: gi[0] });
}

const f = (ms) => `${ms.toFixed(0)} ms`;
console.log(`\nStart-up goals, ${RUNS} alternating runs each, medians (min–max); Node ${process.versions.node}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}\n`);
const irCols = countInstructions ? ' instructions | × yardstick |' : '';
console.log(`| environment | measured | median (min–max) | yardstick median | ratio |${irCols}\n| --- | --- | ---: | ---: | ---: |${countInstructions ? ' ---: | ---: |' : ''}`);
for (const r of rows) {
  const ir = countInstructions ? ` ${(r.ir / 1e6).toFixed(0)} M (yardstick ${(r.yardIr / 1e6).toFixed(0)} M) | ${(r.ir / r.yardIr).toFixed(2)}× |` : '';
  console.log(`| ${r.env} | ${r.what} | ${f(r.t.median)} (${f(r.t.min)}–${f(r.t.max)}) | ${r.yardName ?? 'node -e 0'} ${f(r.yard.median)} | ${(r.t.median / r.yard.median).toFixed(2)}× |${ir}`);
}
cleanup();
process.exit(0);
