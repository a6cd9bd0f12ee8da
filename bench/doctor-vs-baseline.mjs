// `doctor --json` against our running gateway, this build against another checkout's build, with
// `node -e 0` as the yardstick, alternating run by run so load hits all three alike. Issues 14, 16
// and 17 ask that doctor --json stays within 2.2× of `node -e 0` and is not slower than before.
// Usage: npm run build && node bench/doctor-vs-baseline.mjs BASELINE_CHECKOUT [RUNS=21]
// BENCH_KEEP_ENV=NODE_EXTRA_CA_CERTS keeps those variables of this shell in every run (a shell that
// exports NODE_EXTRA_CA_CERTS adds ~40 ms to every Node start, the yardstick's included).
import fs from 'node:fs';
import path from 'node:path';
import { alternate, CLI, cleanup, freePort, machine, startGateway } from './doctor-lib.mjs';

const baselineRoot = process.argv[2];
const RUNS = Number(process.argv[3] ?? 21);
const baselineCli = baselineRoot && path.join(path.resolve(baselineRoot), 'dist/src/cli/main.js');
if (!fs.existsSync(CLI) || !baselineCli || !fs.existsSync(baselineCli)) {
  console.error('usage: npm run build && node bench/doctor-vs-baseline.mjs BASELINE_CHECKOUT_WITH_A_BUILD [RUNS]');
  process.exit(2);
}
const port = await freePort();
const m = machine('vs-baseline', { port });
for (const name of (process.env.BENCH_KEEP_ENV ?? '').split(',').filter(Boolean)) if (process.env[name] !== undefined) m.env[name] = process.env[name];
await startGateway(['gateway', '--port', String(port)], m.env, port);

alternate(
  `doctor --json with our gateway running${process.env.BENCH_KEEP_ENV ? ` (kept from the shell: ${process.env.BENCH_KEEP_ENV})` : ''}`,
  [
    { name: 'node -e 0', argv: [process.execPath, '-e', '0'], env: m.env },
    { name: 'doctor --json, baseline', argv: [process.execPath, baselineCli, 'doctor', '--json'], env: m.env },
    { name: 'doctor --json, this build', argv: [process.execPath, CLI, 'doctor', '--json'], env: m.env },
  ],
  RUNS,
);
cleanup();
process.exit(0);
