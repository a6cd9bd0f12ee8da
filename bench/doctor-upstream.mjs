// The same scenarios under a real `openclaw` install, when one is on PATH (or OPENCLAW_UPSTREAM_BIN
// names it), for a side-by-side ratio with ours. Run the real one only where it cannot reach the
// network (reference §8: an `ip netns` with loopback only). Skips cleanly when none is installed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findUpstream } from '../scripts/upstream-openclaw.mjs';
import { CLI, freePort, holdPort, machine, measure, printTable, ROOT, runsFromArgs, startGateway } from './doctor-lib.mjs';

const upstream = findUpstream();
if (!upstream) {
  console.log('No upstream openclaw on PATH (or OPENCLAW_UPSTREAM_BIN): nothing to compare. See bench/README.md.');
  process.exit(0);
}
const version = spawnSync(upstream, ['--version'], { encoding: 'utf8', timeout: 60_000 }).stdout.trim();
const runs = runsFromArgs(5);
const rows = [];
const compare = (scenario, theirs, ours) => {
  rows.push({ scenario: `${scenario}: upstream`, ...theirs });
  rows.push({ scenario: `${scenario}: ours`, ...ours, goal: `×${(theirs.medianMs / ours.medianMs).toFixed(1)} faster` });
};
const withConfigPath = (m) => ({ ...m.env, OPENCLAW_CONFIG_PATH: path.join(m.stateDir, 'openclaw.json') });

// The scenario of the goal: a healthy machine with a gateway running, each doctor probing its own
// gateway (the real one takes seconds to start and answers /health once ready).
{
  const port = await freePort();
  const m = machine('up-running', { port });
  const env = withConfigPath(m);
  let gateway = await startGateway(['gateway', '--port', '{port}'], env, port, [upstream]);
  const theirs = measure([upstream, 'doctor', '--json'], env, runs);
  await gateway.stop();
  gateway = await startGateway(['gateway', '--port', '{port}'], env, port);
  const ours = measure([process.execPath, CLI, 'doctor', '--json'], env, runs);
  await gateway.stop();
  compare('healthy, gateway running', theirs, ours);
}
for (const [scenario, make] of [
  ['gateway down (live)', async () => machine('up-down', { port: await freePort() })],
  ['port held by another process', async () => machine('up-busy', { port: await holdPort() })],
]) {
  const env = withConfigPath(await make());
  compare(scenario, measure([upstream, 'doctor', '--json'], env, runs), measure([process.execPath, CLI, 'doctor', '--json'], env, runs));
}
printTable(`openclaw doctor --json, upstream ${version} vs ours (${runs} runs each)`, rows);
const out = path.join(ROOT, 'bench/results/doctor-upstream.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.versions.node, upstream: version, runs, rows }, null, 2)}\n`);
console.log(`\nwritten to ${path.relative(ROOT, out)}`);
