// `npm run bench -- NAME [ARGS…]`: runs one benchmark script from this folder (see README.md here).
// Without a name it lists them. Benchmarks are never part of `npm test`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const benches = {
  startup: 'startup-bench.mjs',
  doctor: 'doctor-json.mjs',
  'doctor-fleet': 'doctor-fleet.mjs',
  'doctor-upstream': 'doctor-upstream.mjs',
  gateway: 'gateway-bench.mjs',
  logscan: 'logscan-bench.mjs',
  bundle: 'bundle-bench.mjs',
  monitoring: 'monitoring-bench.mjs',
  'config-lock': 'config-lock-bench.mjs',
  corpus: 'corpus-coverage.mjs',
};
const [name, ...args] = process.argv.slice(2);
if (!name || !(name in benches)) {
  if (name) console.error(`unknown benchmark "${name}"`);
  console.log(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [args]   (details: bench/README.md)`);
  process.exit(name ? 2 : 0);
}
if (!fs.existsSync(path.join(dir, '..', 'dist', 'src', 'cli', 'main.js'))) {
  console.error('build first: npm run build');
  process.exit(2);
}
const r = spawnSync(process.execPath, [path.join(dir, benches[name]), ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
