#!/usr/bin/env node
// Rewrites test/corpus/upstream-misses.yaml from what the built `explain` answers today on the
// upstream-message corpus: every entry that is unlabelled, unrecognised, labelled "none" (with its
// note), or answered with a wrong top cause. A reason already written for a miss is kept; a new
// miss gets "TODO", which the coverage test refuses, so each one is looked at. Needs `npm run build`.
import fs from 'node:fs';
import { parse, stringify } from 'yaml';
import { MISSES_FILE, explainCorpus, missOf } from './corpus-answers.mjs';

const old = fs.existsSync(MISSES_FILE) ? (parse(fs.readFileSync(MISSES_FILE, 'utf8')) ?? []) : [];
const reasonOf = new Map(old.map((m) => [`${m.miss}\u0000${m.template}`, m.reason]));
const { entries } = explainCorpus();
const misses = entries.flatMap((e) => {
  const miss = missOf(e);
  if (!miss) return [];
  const given = reasonOf.get(`${miss}\u0000${e.template}`);
  const reason = miss === 'unlabelled' ? 'not labelled yet' : miss === 'none' ? e.note : given;
  return [{ template: e.template, area: e.area, miss, ...(miss === 'wrong' ? { got: e.causes[0] } : {}), reason: reason || given || 'TODO' }];
});
const header = `# Corpus entries \`explain\` does not get right today, each with why (issue 15 item 2). Written by
# scripts/corpus-misses.mjs; test/unit/upstream-corpus.test.ts fails when a miss is not listed here
# or a listed one is now right. miss: unlabelled (no label yet) · none (no cause applies: the
# reason says why) · unrecognised (no signature) · wrong (another cause ranks first: got).
`;
fs.writeFileSync(MISSES_FILE, header + (misses.length ? stringify(misses, { lineWidth: 0 }) : '[]\n'));
const count = (k) => misses.filter((m) => m.miss === k).length;
console.error(`${misses.length} misses: ${count('unlabelled')} unlabelled, ${count('none')} none, ${count('unrecognised')} unrecognised, ${count('wrong')} wrong; ${misses.filter((m) => m.reason === 'TODO').length} need a reason`);
