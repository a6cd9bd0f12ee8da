// `npm run bench -- corpus`: how the built `openclaw explain --json --each-line` fares on the
// upstream-message corpus (test/corpus/upstream-messages.jsonl), per area. recognised: any cause,
// of all entries; of-cause: recognised among the entries labelled with a cause (the test's bar);
// right: top cause = label, of those; none: entries where no cause applies. Also the time of the one
// explain process over all lines, and the median of `explain "<one line>"` against `node -e 0` as
// the yardstick (issue 15 item 10: under 2×), alternating run by run. Needs `npm run build`.
// Usage: node bench/corpus-coverage.mjs [RUNS=11]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, explainCorpus } from '../scripts/corpus-answers.mjs';

const RUNS = Number(process.argv[2] ?? 11);
const { entries, ms } = explainCorpus();

const rows = new Map();
const row = (area) => rows.get(area) ?? rows.set(area, { entries: 0, recognised: 0, labelled: 0, labelledRecognised: 0, right: 0, none: 0, unlabelled: 0 }).get(area);
for (const e of entries) {
  for (const r of [row(e.area), row('all')]) {
    r.entries++;
    if (e.causes.length) r.recognised++;
    if (e.expected === null) r.unlabelled++;
    else if (e.expected === 'none') r.none++;
    else {
      r.labelled++;
      if (e.causes.length) r.labelledRecognised++;
      if (e.causes[0] === e.expected) r.right++;
    }
  }
}
const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
const cols = ['area', 'entries', 'recognised', 'of-cause', 'right', 'labelled', 'none', 'unlabelled'];
console.log(cols.map((c, i) => (i ? c.padStart(10) : c.padEnd(15))).join(''));
const order = [...rows.keys()].filter((a) => a !== 'all').sort().concat('all');
for (const area of order) {
  const r = rows.get(area);
  const cells = [r.entries, pct(r.recognised, r.entries), pct(r.labelledRecognised, r.labelled), pct(r.right, r.labelled), r.labelled, r.none, r.unlabelled];
  console.log(area.padEnd(15) + cells.map((c) => String(c).padStart(10)).join(''));
}

const wall = (args) => {
  const t = process.hrtime.bigint();
  spawnSync(process.execPath, args, { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const line = 'gateway auth mode is token, but no token was configured (set gateway.auth.token or OPENCLAW_GATEWAY_TOKEN).';
const cli = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const one = [];
const bare = [];
wall([cli, 'explain', line]); // warm the page cache and the code cache
for (let i = 0; i < RUNS; i++) {
  one.push(wall([cli, 'explain', line]));
  bare.push(wall(['-e', '0']));
}
console.log(`\nexplain --json --each-line over ${entries.length} lines: ${ms.toFixed(0)} ms`);
console.log(`explain "<one line>": median ${median(one).toFixed(0)} ms; node -e 0: median ${median(bare).toFixed(0)} ms; ratio ${(median(one) / median(bare)).toFixed(2)}× (${RUNS} runs each, alternating)`);
