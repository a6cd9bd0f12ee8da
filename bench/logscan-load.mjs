// Start-up cost of the signature catalog: `loadMatcher()` in a fresh process (module import, then
// reading catalog.json and the precompiled automaton, or compiling it), and the wall time of
// `openclaw doctor --json --only logs/known-signatures` on a scratch state dir with a small log.
// Usage: npm run build && node bench/logscan-load.mjs [RUNS=11] [ROOT...]
// Several ROOTs (checkouts with a built dist/) are measured run by run in turn, so a before/after
// comparison sees the same machine load. Scratch dirs are deleted at the end.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const RUNS = Number(process.argv[2] ?? 11);
const roots = process.argv.length > 3 ? process.argv.slice(3).map((r) => path.resolve(r)) : [new URL('..', import.meta.url).pathname];

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'logscan-load-'));
const stateDir = path.join(scratch, 'state');
const day = new Date().toISOString().slice(0, 10);
fs.mkdirSync(path.join(stateDir, 'logs'), { recursive: true });
const lines = [];
for (let i = 0; i < 200; i++) lines.push(JSON.stringify({ time: new Date().toISOString(), logLevelName: 'INFO', msg: `request ${i} done` }));
lines.push(JSON.stringify({ time: new Date().toISOString(), logLevelName: 'ERROR', msg: 'Error: listen EADDRINUSE: address already in use 127.0.0.1:18789' }));
fs.writeFileSync(path.join(stateDir, 'logs', `openclaw-${day}.log`), `${lines.join('\n')}\n`);
// A clean environment: NODE_EXTRA_CA_CERTS alone adds ~45 ms to every node start.
const env = { PATH: process.env.PATH, HOME: scratch, TMPDIR: scratch, NO_COLOR: '1', OPENCLAW_STATE_DIR: stateDir };

/** Milliseconds: [import + loadMatcher, loadMatcher alone], measured inside one fresh process. */
function loadOnce(root) {
  const index = pathToFileURL(path.join(root, 'dist/src/signatures/index.js')).href;
  const script = `const t0 = performance.now(); const m = await import(${JSON.stringify(index)}); const t1 = performance.now();
await m.loadMatcher(); const t2 = performance.now(); console.log(JSON.stringify([t2 - t0, t2 - t1]));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`loadMatcher failed in ${root}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function doctorOnce(root) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, 'dist/src/cli/main.js'), 'doctor', '--json', '--only', 'logs/known-signatures'], { env, encoding: 'utf8', timeout: 60_000 });
  const ms = performance.now() - t0;
  if (r.error || !r.stdout.includes('known-signatures')) throw new Error(`doctor failed in ${root}: ${r.stderr}`);
  return ms;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

try {
  const results = roots.map(() => ({ importAndLoad: [], load: [], doctor: [] }));
  for (let run = 0; run < RUNS; run++) {
    roots.forEach((root, i) => {
      const [both, load] = loadOnce(root);
      results[i].importAndLoad.push(both);
      results[i].load.push(load);
      results[i].doctor.push(doctorOnce(root));
    });
  }
  console.log(`median of ${RUNS} runs, Node ${process.versions.node}, load average ${os.loadavg()[0].toFixed(1)}`);
  roots.forEach((root, i) => {
    const r = results[i];
    console.log(
      `${root}\n  import + loadMatcher() ${median(r.importAndLoad).toFixed(1)} ms   loadMatcher() alone ${median(r.load).toFixed(1)} ms   doctor --json --only logs/known-signatures ${median(r.doctor).toFixed(0)} ms`,
    );
  });
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
