// Which source modules `doctor --json` initialises, our gateway running (the start-goals scenario):
// this build's list, and with --against what another build loads that this one does not and back.
// In the bundle (dist/src/cli/openclaw.cjs) esbuild wraps each lazily loaded module in a function
// named after its path (dist/bundle-inputs.json lists them); V8's coverage says which of those ran.
// The same reading as test/helpers/module-trace.ts, for two builds side by side.
// Usage: npm run build && node bench/doctor-modules.mjs [--against OTHER_CHECKOUT_WITH_A_BUILD]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { binOf, freePort, machine, ROOT, startGateway } from './doctor-lib.mjs';

const againstAt = process.argv.indexOf('--against');
const other = againstAt > 0 ? path.resolve(process.argv[againstAt + 1]) : undefined;

/** The modules of a build's bundle that ran during `doctor --json` against that build's gateway, repository-relative. */
async function doctorModules(root) {
  const cli = binOf(root);
  const port = await freePort();
  const { env } = machine('modules', { port });
  // Its own build's gateway: another build's is "not an OpenClaw gateway" to the process-identity rules.
  await startGateway(['gateway', '--port', String(port)], env, port, [process.execPath, cli]);
  const coverage = fs.mkdtempSync(path.join(env.TMPDIR, 'coverage-'));
  const r = spawnSync(process.execPath, [cli, 'doctor', '--json'], { env: { ...env, NODE_V8_COVERAGE: coverage }, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`doctor --json of ${root} exited ${r.status}: ${r.stderr}`);
  const inputs = JSON.parse(fs.readFileSync(path.join(root, 'dist/bundle-inputs.json'), 'utf8'));
  const lazy = new Set(inputs.lazy);
  const ran = new Set(inputs.outputs['openclaw.cjs'].filter((m) => !lazy.has(m)));
  const script = pathToFileURL(path.join(path.dirname(cli), 'openclaw.cjs')).href;
  for (const file of fs.readdirSync(coverage)) {
    for (const s of JSON.parse(fs.readFileSync(path.join(coverage, file), 'utf8')).result) {
      if (s.url !== script) continue;
      for (const fn of s.functions) if (lazy.has(fn.functionName) && fn.ranges[0].count > 0) ran.add(fn.functionName);
    }
  }
  // A checkout whose node_modules links to another's names its packages by the path outside it.
  return [...ran].map((m) => m.replace(/^(?:\.\.\/)+.*?(node_modules\/)/, '$1')).sort();
}

const mine = await doctorModules(ROOT);
console.log(`doctor --json, gateway running: this build initialises ${mine.length} source modules`);
if (other) {
  const theirs = await doctorModules(other);
  const only = (a, b) => a.filter((x) => !b.includes(x));
  console.log(`${other}: ${theirs.length}`);
  console.log(`only this build (${only(mine, theirs).length}):${only(mine, theirs).map((x) => `\n  + ${x}`).join('') || ' none'}`);
  console.log(`only ${other} (${only(theirs, mine).length}):${only(theirs, mine).map((x) => `\n  - ${x}`).join('') || ' none'}`);
} else {
  console.log(mine.map((x) => `  ${x}`).join('\n'));
}
process.exit(0);
