// How many captures of test/corpus/real-failures get their expected cause first from `explain`'s
// matcher: one line per capture and the score. `--catalog <dir>` scores another signatures/ folder
// (e.g. an older release's, from `git archive <rev> signatures | tar x -C /tmp/old`). Needs the build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { catalog: { type: 'string' } } });
const { loadCatalogFromYaml, catalogDir } = await import(path.join(ROOT, 'dist/src/signatures/load.js'));
const { CompiledCatalog } = await import(path.join(ROOT, 'dist/src/signatures/matcher.js'));
const { scanLinesWith } = await import(path.join(ROOT, 'dist/src/signatures/index.js'));

const matcher = new CompiledCatalog(await loadCatalogFromYaml(values.catalog ?? catalogDir()));
const corpus = path.join(ROOT, 'test/corpus/real-failures');
let right = 0;
let unrecognised = 0;
const names = fs.readdirSync(corpus).filter((d) => fs.existsSync(path.join(corpus, d, 'expected.json'))).sort();
for (const name of names) {
  const dir = path.join(corpus, name);
  const { cause } = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
  const text = ['output.txt', 'stdout.txt', 'stderr.txt', 'file-log.jsonl'].filter((f) => fs.existsSync(path.join(dir, f))).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
  const got = scanLinesWith(matcher, text.split('\n')).causes[0]?.cause ?? 'none';
  if (got === cause) right++;
  else if (got === 'none') unrecognised++;
  console.log(`${got === cause ? 'ok  ' : 'MISS'} ${name}: expected ${cause}, got ${got}`);
}
console.log(`\n${right}/${names.length} right (${Math.round((100 * right) / names.length)}%); of the ${names.length - right} misses, ${unrecognised} recognise nothing`);
