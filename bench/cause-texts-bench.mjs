// What it would cost every start to carry the causes' English texts (locales/en/causes.json, generated
// from signatures/causes.yaml, about 100 causes) in the bundle's English message module, against
// leaving them out (scripts/compile-messages.mjs OUTSIDE_BUNDLE): their English then comes from the
// signature catalog (dist/signatures/catalog.json), which only a command that scans logs reads. Each
// variant of the English module is compiled the way scripts/compile-messages.mjs compiles it, bundled
// to one CommonJS file, and loaded by a fresh
// process that reports the CPU time of its require(); `node -e 0` is the yardstick, measured in the
// same alternating rounds. No code cache: an upper bound for the bundle, which has one.
// Usage: node bench/cause-texts-bench.mjs [RUNS=31]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import MessageFormat from '@messageformat/core';
import compileModule from '@messageformat/core/compile-module.js';
import { OUTSIDE_BUNDLE, readLocale } from '../scripts/compile-messages.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.argv[2] ?? 31);
// locales/en/causes.json holds the causes' English as catalog messages (generated from causes.yaml).
const withCauses = readLocale('en');
const english = Object.fromEntries(Object.entries(withCauses).filter(([id]) => !OUTSIDE_BUNDLE.test(id)));
const causes = Object.keys(withCauses).filter((id) => OUTSIDE_BUNDLE.test(id)).length / 2;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cause-texts-bench-'));
try {
  const variants = [];
  for (const [name, messages] of [['English module as shipped (no cause texts)', english], ['…with the cause texts compiled in', withCauses]]) {
    const out = await build({ stdin: { contents: compileModule(new MessageFormat('en'), messages), resolveDir: ROOT, loader: 'js' }, bundle: true, format: 'cjs', platform: 'node', target: 'node20', write: false, logLevel: 'warning' });
    const file = path.join(dir, `${variants.length}.cjs`);
    fs.writeFileSync(file, out.outputFiles[0].text);
    variants.push({ name, file, ids: Object.keys(messages).length, bytes: fs.statSync(file).size });
  }
  // One process per measurement: CPU microseconds of the require, and the process's wall time.
  const probe = (file) => `const t=process.cpuUsage();const m=require(${JSON.stringify(file)});const u=process.cpuUsage(t);process.stdout.write(String(u.user+u.system)+' '+Object.keys(m.default??m).length)`;
  const rows = [{ name: 'node -e 0', argv: ['-e', '0'], wall: [], cpu: [] }, ...variants.map((v) => ({ ...v, argv: ['-e', probe(v.file)], wall: [], cpu: [] }))];
  for (let run = -1; run < RUNS; run++) {
    const order = run % 2 ? [...rows].reverse() : rows;
    for (const row of order) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, row.argv, { encoding: 'utf8', timeout: 30_000 });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.status !== 0) throw new Error(`${row.name}: ${r.stderr}`);
      if (run < 0) continue; // warm-up round
      row.wall.push(ms);
      if (row.file) row.cpu.push(Number(r.stdout.split(' ')[0]) / 1000);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`${RUNS} alternating runs, Node ${process.version}, load ${os.loadavg()[0].toFixed(1)}, ${causes} causes`);
  console.log('| variant | messages | bytes | require CPU (median) | process wall (median) |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    console.log(`| ${row.name} | ${row.ids ?? '–'} | ${row.bytes?.toLocaleString('en') ?? '–'} | ${row.cpu.length ? `${median(row.cpu).toFixed(2)} ms` : '–'} | ${median(row.wall).toFixed(1)} ms |`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
