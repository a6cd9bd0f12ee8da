// `npm run bench -- corpus`: how the built `openclaw explain --json --each-line` fares on the
// upstream-message corpus (test/corpus/upstream-messages.jsonl), per area. recognised: any cause,
// of all entries; of-cause: recognised among the entries labelled with a cause (the test's bar);
// right: top cause = label, of those; none: entries where no cause applies. Also the time of the one
// explain process over all lines, with `node -e 0` as the yardstick. Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import { explainCorpus } from '../scripts/corpus-answers.mjs';

const { entries, ms } = explainCorpus();
const t = process.hrtime.bigint();
spawnSync(process.execPath, ['-e', '0']);
const node0 = Number(process.hrtime.bigint() - t) / 1e6;

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
console.log(`\nexplain --json --each-line over ${entries.length} lines: ${ms.toFixed(0)} ms (yardstick node -e 0: ${node0.toFixed(0)} ms)`);
