// Finds every check module under checks/ (recursively, so other teams' folders plug in) and
// imports them. Under tsc the modules are dist/checks/**/*.js; under vitest, checks/**/*.ts; in the
// bundled CLI they are compiled in (bundled-checks.ts) and no directory is read.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUNDLED_CHECKS } from './bundled-checks.js';
import type { Check } from './check.js';
import { compareIds } from './order.js';

export function defaultChecksDir(): string {
  return fileURLToPath(new URL('../../checks/', import.meta.url));
}

/** Every module file under `dir` that may hold a check (not tests, declarations or `_`-helpers). */
export function moduleFiles(dir: string): string[] {
  const out: string[] = [];
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) out.push(...moduleFiles(p));
    else if (/\.(js|ts)$/.test(d.name) && !/\.d\.ts$|\.test\.|^_/.test(d.name)) out.push(p);
  }
  return out;
}

function isCheck(v: unknown): v is Check {
  const c = v as Check;
  return Boolean(c && typeof c === 'object' && c.meta && typeof c.meta.id === 'string' && typeof c.detect === 'function');
}

export class CheckLoadError extends Error {}

/** The checks in `dir`; without one, the checks compiled into the bundle, else those in checks/. */
export async function loadChecks(dir?: string): Promise<Check[]> {
  if (dir === undefined && BUNDLED_CHECKS) return collect(BUNDLED_CHECKS);
  dir ??= defaultChecksDir();
  let files: string[];
  try {
    files = moduleFiles(dir).sort();
  } catch (err) {
    throw new CheckLoadError(`cannot read the check modules in ${dir}: ${(err as Error).message}`);
  }
  // A .ts next to its .js (a build output folder with sources) would load twice: prefer .js.
  const js = new Set(files.filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)));
  files = files.filter((f) => !(f.endsWith('.ts') && js.has(f.slice(0, -3))));
  return collect(await Promise.all(files.map((f) => import(pathToFileURL(f).href).then((m) => [f, m.default] as const))));
}

/** Keeps the modules that are checks (others are helpers), refusing two checks with one id. */
function collect(mods: ReadonlyArray<readonly [string, unknown]>): Check[] {
  const byId = new Map<string, string>();
  const checks: Check[] = [];
  for (const [file, check] of mods) {
    if (!isCheck(check)) continue; // helpers and non-check modules
    const seen = byId.get(check.meta.id);
    if (seen) throw new CheckLoadError(`two check modules claim the id ${check.meta.id}: ${seen} and ${file}`);
    byId.set(check.meta.id, file);
    checks.push(check);
  }
  return checks.sort((a, b) => compareIds(a.meta.id, b.meta.id));
}
