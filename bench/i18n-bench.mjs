// What speaking the user's language costs a start: `doctor --json` and the terminal report on a
// broken config (mode-unset: findings to word), in English (LANG=C) and in Korean, with `node -e 0`
// as the yardstick, alternating run by run so load hits all alike. English is compiled into the
// bundle; another locale reads its catalog and loads the MessageFormat compiler when active.
// Usage: npm run build && node bench/i18n-bench.mjs [RUNS=21] [LOCALE_LANG=ko_KR.UTF-8]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CLI, ROOT, cleanup, machine } from './doctor-lib.mjs';

const RUNS = Number(process.argv[2] ?? 21);
const LANG = process.argv[3] ?? 'ko_KR.UTF-8';
if (!fs.existsSync(CLI)) {
  console.error('usage: npm run build && node bench/i18n-bench.mjs [RUNS] [LANG]');
  process.exit(2);
}
const m = machine('i18n', { fixture: 'mode-unset' });
const english = { ...m.env, LANG: 'C' };
const other = { ...m.env, LANG };
const commands = [
  { name: 'node -e 0', argv: [process.execPath, '-e', '0'], env: english },
  { name: 'doctor --json, LANG=C', argv: [process.execPath, CLI, 'doctor', '--json'], env: english },
  { name: `doctor --json, LANG=${LANG}`, argv: [process.execPath, CLI, 'doctor', '--json'], env: other },
  { name: 'doctor, LANG=C', argv: [process.execPath, CLI, 'doctor'], env: english },
  { name: `doctor, LANG=${LANG}`, argv: [process.execPath, CLI, 'doctor'], env: other },
];
const times = new Map(commands.map((c) => [c.name, []]));
const exits = new Map();
for (let run = -1; run < RUNS; run++) {
  const order = run % 2 ? commands : [...commands].reverse();
  for (const c of order) {
    const t = performance.now();
    const r = spawnSync(c.argv[0], c.argv.slice(1), { env: c.env, encoding: 'utf8', timeout: 60_000 });
    const ms = performance.now() - t;
    if (run >= 0) times.get(c.name).push(ms); // run -1 warms the file cache
    exits.set(c.name, r.status);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const yard = median(times.get('node -e 0'));
const locales = fs.readdirSync(path.join(ROOT, 'locales'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
console.log(`\nfixture mode-unset, ${RUNS} alternating runs, medians; catalogs present: ${locales.join(', ')}\n`);
console.log('| command | median | × node -e 0 | exit |\n| --- | ---: | ---: | ---: |');
for (const c of commands) {
  const med = median(times.get(c.name));
  console.log(`| ${c.name} | ${med.toFixed(0)} ms | ${(med / yard).toFixed(2)} | ${exits.get(c.name)} |`);
}
cleanup();
process.exit(0);
