// Loading the catalog. The build compiles signatures/*.yaml into dist/signatures/catalog.json
// (src/signatures/build-catalog.ts) so a CLI start reads one JSON file instead of parsing YAML and
// running zod; the YAML is the source of truth and is used whenever the JSON is missing or older.
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../package-root.js';
import { CatalogError, CAUSES_FILE } from './catalog-error.js';
import type { Catalog } from './schema.js';

export { CatalogError, CAUSES_FILE };

export const COMPILED_NAME = 'catalog.json';
export const AUTOMATON_NAME = 'automaton.bin';

/** The signatures/ directory, shipped at the package's root. */
export function catalogDir(): string {
  const dir = path.join(packageRoot(), 'signatures');
  if (fs.existsSync(path.join(dir, CAUSES_FILE))) return dir;
  throw new CatalogError('cannot find the signatures/ directory next to the installed toolkit');
}

/** Where the build writes the compiled catalog: dist/signatures/catalog.json. */
export function compiledPath(): string {
  return path.join(packageRoot(), 'dist', 'signatures', COMPILED_NAME);
}

/** Where the build writes the precompiled automaton, next to the catalog: dist/signatures/automaton.bin. */
export function automatonPath(): string {
  return path.join(path.dirname(compiledPath()), AUTOMATON_NAME);
}

/** The build's automaton file, or undefined when there is none (the matcher then compiles its own). */
export function readPrecompiledAutomaton(file = automatonPath()): Uint8Array | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

function yamlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => path.join(dir, f));
}

function compiledIsFresh(jsonPath: string, dir: string): boolean {
  let built: number;
  try {
    built = fs.statSync(jsonPath).mtimeMs;
  } catch {
    return false;
  }
  return yamlFiles(dir).every((f) => fs.statSync(f).mtimeMs <= built);
}

/** Reads and validates the YAML catalog in `dir` (loads yaml and zod lazily: they cost start-up time). */
export async function loadCatalogFromYaml(dir: string): Promise<Catalog> {
  const [{ parse }, { validateCatalog }] = await Promise.all([import('yaml'), import('./validate.js')]);
  const docs: { file: string; data: unknown }[] = [];
  for (const file of yamlFiles(dir)) {
    const name = path.basename(file);
    try {
      docs.push({ file: name, data: parse(fs.readFileSync(file, 'utf8'), { prettyErrors: true }) });
    } catch (err) {
      throw new CatalogError((err as Error).message, name);
    }
  }
  return validateCatalog(docs);
}

let cached: Promise<Catalog> | undefined;

/** The shipped catalog, loaded once per process. */
export function loadCatalog(): Promise<Catalog> {
  cached ??= (async () => {
    const dir = catalogDir();
    const jsonPath = compiledPath();
    if (compiledIsFresh(jsonPath, dir)) return JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as Catalog;
    return loadCatalogFromYaml(dir);
  })();
  return cached;
}
