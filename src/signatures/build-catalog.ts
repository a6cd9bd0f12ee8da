// Build step: validate signatures/*.yaml and write dist/signatures/catalog.json, plus the catalog's
// compiled automaton (dist/signatures/automaton.bin) so start-ups need not compile it (run by `npm run build`).
import fs from 'node:fs';
import path from 'node:path';
import { automatonPath, catalogDir, compiledPath, loadCatalogFromYaml, type CatalogError } from './load.js';
import { CompiledCatalog } from './matcher.js';

const catalog = await loadCatalogFromYaml(catalogDir()).catch((err: CatalogError) => {
  process.stderr.write(`signatures: ${err.message}\n`);
  process.exit(1);
});
const out = compiledPath();
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(catalog));
const automaton = new CompiledCatalog(catalog).automatonFile();
fs.writeFileSync(automatonPath(), automaton);
process.stdout.write(`signatures: ${catalog.signatures.length} entries, ${catalog.combinations.length} combinations, ${Object.keys(catalog.causes).length} causes → ${path.relative(process.cwd(), out)}, automaton ${automaton.length} bytes\n`);
