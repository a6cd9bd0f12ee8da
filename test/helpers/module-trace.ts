// Which source modules a CLI run loads. An ESM resolve hook records every URL Node resolves; files
// of the bundle (dist/src/cli/main.js and its chunks) are mapped back to the source modules they
// hold with dist/bundle-inputs.json, which the build writes. Anything else (an external package,
// a file of tsc's output) is reported by its path relative to the repository.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLI, runCli, type CliResult } from './cli-sync.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUNDLE_DIR = path.dirname(CLI);

export interface TracedRun extends CliResult {
  /** Repository-relative paths of the source modules loaded, e.g. `src/cli/commands/doctor.ts`, `node_modules/zod/…`. */
  modules: string[];
}

function bundleInputs(): Record<string, string[]> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'dist/bundle-inputs.json'), 'utf8')).outputs;
}

export function traceModules(args: string[], env: NodeJS.ProcessEnv): TracedRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'module-trace-'));
  try {
    const log = path.join(dir, 'loaded.txt');
    const hooks = path.join(dir, 'hooks.mjs');
    fs.writeFileSync(hooks, `import fs from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); fs.appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }\n`);
    const register = path.join(dir, 'register.mjs');
    fs.writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    const result = runCli(args, env, { nodeArgs: ['--import', register] });
    const inputs = bundleInputs();
    const modules = new Set<string>();
    for (const url of fs.readFileSync(log, 'utf8').split('\n')) {
      if (!url.startsWith('file:')) continue; // node: built-ins
      const file = fileURLToPath(url);
      const inBundle = inputs[path.relative(BUNDLE_DIR, file).split(path.sep).join('/')];
      for (const m of inBundle ?? [path.relative(ROOT, file).split(path.sep).join('/')]) modules.add(m);
    }
    return { ...result, modules: [...modules].sort() };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
