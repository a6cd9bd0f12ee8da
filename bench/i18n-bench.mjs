// What speaking the user's language costs a start: `doctor --json` and the terminal report on a
// broken config (mode-unset: findings to word), in English (LANG=C) and in Korean, with `node -e 0`
// as the yardstick, alternating run by run so load hits all alike. English is compiled into the
// bundle; another locale reads its catalog and loads the MessageFormat compiler when active.
// Usage: npm run build && node bench/i18n-bench.mjs [RUNS=21] [LOCALE_LANG=ko_KR.UTF-8]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { alternate, CLI, ROOT, cleanup, machine } from './doctor-lib.mjs';

const RUNS = Number(process.argv[2] ?? 21);
const LANG = process.argv[3] ?? 'ko_KR.UTF-8';
if (!fs.existsSync(CLI)) {
  console.error('usage: npm run build && node bench/i18n-bench.mjs [RUNS] [LANG]');
  process.exit(2);
}
const m = machine('i18n', { fixture: 'mode-unset' });
const english = { ...m.env, LANG: 'C' };
const other = { ...m.env, LANG };
const locales = fs.readdirSync(path.join(ROOT, 'locales'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
alternate(`fixture mode-unset, catalogs present: ${locales.join(', ')}`, [
  { name: 'node -e 0', argv: [process.execPath, '-e', '0'], env: english },
  { name: 'doctor --json, LANG=C', argv: [process.execPath, CLI, 'doctor', '--json'], env: english },
  { name: `doctor --json, LANG=${LANG}`, argv: [process.execPath, CLI, 'doctor', '--json'], env: other },
  { name: 'doctor, LANG=C', argv: [process.execPath, CLI, 'doctor'], env: english },
  { name: `doctor, LANG=${LANG}`, argv: [process.execPath, CLI, 'doctor'], env: other },
], RUNS);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Under load the wall times above drift by tens of ms; the CPU time a fresh process spends loading
// one locale is steadier. Each row: median over RUNS processes of process.cpuUsage() around the step.
const koBuilt = path.join(ROOT, 'dist/locales', `${process.argv[4] ?? 'ko'}.cjs`);
const steps = [
  ['English: the compiled module, 20 messages formatted', `const m = await import(${JSON.stringify(path.join(ROOT, 'dist/src/i18n/index.js'))}); const c = process.cpuUsage(); for (let i = 0; i < 20; i++) m.en('report.errors', { count: i }); const u = process.cpuUsage(c);`],
  ...(fs.existsSync(koBuilt)
    ? [
        ['another locale, built: require its .cjs, 20 messages', `const c = process.cpuUsage(); const m = require(${JSON.stringify(koBuilt)}).default; for (let i = 0; i < 20; i++) m['report.errors']({ count: i }); const u = process.cpuUsage(c);`],
        ['another locale, from source: @messageformat/core + compile 20', `const c = process.cpuUsage(); const MF = require('@messageformat/core'); const mf = new MF('ko'); for (let i = 0; i < 20; i++) mf.compile('{count, plural, other {오류 {count}개}} ' + i)({ count: i }); const u = process.cpuUsage(c);`],
      ]
    : []),
];
console.log(`\nCPU time of the step in a fresh process, ${RUNS} processes, medians\n`);
console.log('| step | CPU ms |\n| --- | ---: |');
for (const [name, body] of steps) {
  const cpu = [];
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `import { createRequire } from 'node:module'; const require = createRequire(${JSON.stringify(path.join(ROOT, 'package.json'))}); ${body} console.log((u.user + u.system) / 1000);`], { encoding: 'utf8', cwd: ROOT });
    cpu.push(Number(r.stdout.trim()));
  }
  console.log(`| ${name} | ${median(cpu).toFixed(2)} |`);
}
cleanup();
process.exit(0);
