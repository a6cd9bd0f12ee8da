// Which source modules a CLI run loads. The CLI is one CommonJS script (dist/src/cli/openclaw.cjs)
// in which esbuild wraps each lazily imported module in a function named after its path; V8's
// coverage (NODE_V8_COVERAGE) tells which of those ran. The modules outside the wrappers always
// run. ES modules (the launcher main.js, the wizard's tui.js, Ink, React) are recorded by a resolve
// hook; files of the build are mapped back to the sources they hold with dist/bundle-inputs.json.
// Anything else is reported by its path relative to the repository.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLI, runCli, type CliResult } from './cli-sync.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUNDLE_DIR = path.dirname(CLI);
const SCRIPT = path.join(BUNDLE_DIR, 'openclaw.cjs');

export interface TracedRun extends CliResult {
  /** Repository-relative paths of the source modules loaded, e.g. `src/cli/commands/doctor.ts`, `node_modules/zod/…`. */
  modules: string[];
}

interface BundleInputs {
  outputs: Record<string, string[]>;
  lazy: string[];
}

interface V8Coverage {
  result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
}

/** The modules of openclaw.cjs that ran: those outside esbuild's wrappers and the wrappers called. */
function scriptModules(coverageDir: string, inputs: BundleInputs): string[] {
  const lazy = new Set(inputs.lazy);
  const ran = new Set(inputs.outputs['openclaw.cjs']!.filter((m) => !lazy.has(m)));
  const url = pathToFileURL(SCRIPT).href;
  for (const file of fs.readdirSync(coverageDir)) {
    const coverage = JSON.parse(fs.readFileSync(path.join(coverageDir, file), 'utf8')) as V8Coverage;
    for (const script of coverage.result) {
      if (script.url !== url) continue;
      for (const fn of script.functions) if (lazy.has(fn.functionName) && fn.ranges[0]!.count > 0) ran.add(fn.functionName);
    }
  }
  return [...ran];
}

export function traceModules(args: string[], env: NodeJS.ProcessEnv): TracedRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'module-trace-'));
  try {
    const log = path.join(dir, 'loaded.txt');
    const hooks = path.join(dir, 'hooks.mjs');
    fs.writeFileSync(hooks, `import fs from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); fs.appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }\n`);
    const register = path.join(dir, 'register.mjs');
    fs.writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    const coverageDir = path.join(dir, 'coverage');
    const result = runCli(args, { ...env, NODE_V8_COVERAGE: coverageDir }, { nodeArgs: ['--import', register] });
    const inputs = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist/bundle-inputs.json'), 'utf8')) as BundleInputs;
    const modules = new Set<string>(scriptModules(coverageDir, inputs));
    for (const url of fs.readFileSync(log, 'utf8').split('\n')) {
      if (!url.startsWith('file:')) continue; // node: built-ins
      const file = fileURLToPath(url);
      const inBundle = inputs.outputs[path.relative(BUNDLE_DIR, file).split(path.sep).join('/')];
      for (const m of inBundle ?? [path.relative(ROOT, file).split(path.sep).join('/')]) modules.add(m);
    }
    return { ...result, modules: [...modules].sort() };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
