// Benchmark: `openclaw logs scan` against `grep -E -f <the catalog's literals>` on the same
// generated file, in the same run. Reports median wall time, throughput and peak RSS of each.
// Usage: npm run build && node bench/logscan-bench.mjs [BYTES=1GiB] [RUNS=5]
// LOGSCAN_BENCH_BASELINE=<another checkout with a built dist/> adds its `logs scan` to the same runs,
// for a before/after comparison on the same file under the same machine load.
// Needs GNU time (/usr/bin/time) for peak RSS. The generated file lives in a temp dir and is
// deleted at the end, whatever happens.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BYTES = Number(process.argv[2] ?? 1 << 30);
const RUNS = Number(process.argv[3] ?? 5);
const root = new URL('..', import.meta.url).pathname;
const cli = path.join(root, 'dist/src/cli/main.js');
const catalog = JSON.parse(fs.readFileSync(path.join(root, 'dist/signatures/catalog.json'), 'utf8'));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'logscan-bench-'));
const log = path.join(dir, 'openclaw-bench.log');
const literalsFile = path.join(dir, 'literals.ere');

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Wall seconds and peak RSS (KiB) of one command, via GNU time. */
function measure(cmd, args) {
  const report = path.join(dir, 'time.txt');
  // Output goes to a pipe, not /dev/null: GNU grep stops at the first match when it sees /dev/null.
  const r = spawnSync('/usr/bin/time', ['-o', report, '-f', '%e %M', cmd, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  const [secs, kib] = fs.readFileSync(report, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  if (!Number.isFinite(secs) || r.status > 1) throw new Error(`could not measure ${cmd} (status ${r.status}): ${r.stderr}`);
  return { secs, mib: kib / 1024 };
}

try {
  const gen = JSON.parse(execFileSync(process.execPath, [path.join(root, 'bench/logscan-generate.mjs'), log, String(BYTES)], { encoding: 'utf8' }));
  const anchors = [...new Set(catalog.signatures.flatMap((s) => s.match.any))];
  fs.writeFileSync(literalsFile, `${anchors.map((a) => a.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('\n')}\n`);
  execFileSync('cat', [log], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 0 }); // warm the page cache for both
  const sizeMiB = gen.bytes / (1 << 20);
  console.log(`file: ${sizeMiB.toFixed(0)} MiB, ${gen.lines} lines, ${gen.matching} with a known signature; ${anchors.length} anchor literals`);

  const tools = {
    'openclaw logs scan --json': [process.execPath, [cli, 'logs', 'scan', log, '--json']],
    ...(process.env.LOGSCAN_BENCH_BASELINE && {
      'baseline logs scan --json': [process.execPath, [path.join(process.env.LOGSCAN_BENCH_BASELINE, 'dist/src/cli/main.js'), 'logs', 'scan', log, '--json']],
    }),
    'grep -E -c -f literals': ['grep', ['-E', '-c', '-f', literalsFile, log]],
    'grep -E -i -c -f literals': ['grep', ['-E', '-i', '-c', '-f', literalsFile, log]],
  };
  const results = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const [name, [cmd, args]] of Object.entries(tools)) results[name].push(measure(cmd, args));
  }
  console.log(`median of ${RUNS} runs:`);
  for (const [name, rs] of Object.entries(results)) {
    const secs = median(rs.map((r) => r.secs));
    const mib = median(rs.map((r) => r.mib));
    console.log(`  ${name.padEnd(28)} ${secs.toFixed(2).padStart(6)} s  ${(sizeMiB / secs).toFixed(0).padStart(5)} MiB/s  peak RSS ${mib.toFixed(0)} MiB`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
