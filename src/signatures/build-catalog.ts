// Build step: validate signatures/*.yaml and write dist/signatures/catalog.json (run by `npm run build`).
import fs from 'node:fs';
import path from 'node:path';
import { catalogDir, compiledPath, loadCatalogFromYaml, type CatalogError } from './load.js';

const catalog = await loadCatalogFromYaml(catalogDir()).catch((err: CatalogError) => {
  process.stderr.write(`signatures: ${err.message}\n`);
  process.exit(1);
});
const out = compiledPath();
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(catalog));
process.stdout.write(`signatures: ${catalog.signatures.length} entries, ${Object.keys(catalog.causes).length} causes → ${path.relative(process.cwd(), out)}\n`);
