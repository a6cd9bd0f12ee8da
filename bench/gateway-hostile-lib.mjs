// Shared by the hostile-peer gateway benchmarks: which builds to compare (this checkout, and a
// baseline checkout with its own build as the same-run yardstick), a gateway per run in a scratch
// state dir, and its RSS from /proc.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, ROOT, startGateway } from './doctor-lib.mjs';

/** [{name, root}]: this checkout, plus BENCH_BASELINE (a checkout with `npm run build` done) if set. */
export function builds() {
  const list = [{ name: 'this checkout', root: ROOT }];
  if (process.env.BENCH_BASELINE) list.push({ name: `baseline (${path.basename(process.env.BENCH_BASELINE)})`, root: path.resolve(process.env.BENCH_BASELINE) });
  for (const b of list) if (!fs.existsSync(path.join(b.root, 'dist/src/cli/main.js'))) throw new Error(`build first: (cd ${b.root} && npm run build)`);
  return list;
}

/** A gateway of `build` on a free port with `gateway` merged into its config; stop() waits for exit. */
export async function gatewayOf(build, gateway = {}) {
  const token = crypto.randomBytes(24).toString('hex');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-hostile-bench-'));
  const config = { gateway: { mode: 'local', ...gateway, auth: { token, ...(gateway.auth ?? {}) } } };
  fs.writeFileSync(path.join(dir, 'openclaw.json'), JSON.stringify(config), { mode: 0o600 });
  const env = { ...process.env, OPENCLAW_STATE_DIR: dir, NO_COLOR: '1' };
  for (const k of ['OPENCLAW_CONFIG_PATH', 'OPENCLAW_GATEWAY_TOKEN', 'OPENCLAW_GATEWAY_PASSWORD', 'OPENCLAW_GATEWAY_PORT', 'OPENCLAW_PROFILE']) delete env[k];
  const port = await freePort();
  const gw = await startGateway(['gateway', '--port', '{port}'], env, port, [process.execPath, path.join(build.root, 'dist/src/cli/main.js')]);
  return {
    port,
    token,
    pid: gw.child.pid,
    alive: () => gw.child.exitCode === null && gw.child.signalCode === null,
    async stop() {
      await gw.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function rssMiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const round = (n, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Prints rows (the first is the header) as a Markdown table, ready for bench/README.md. */
export function markdownTable(title, rows) {
  console.log(`\n${title}\n`);
  const [head, ...body] = rows;
  console.log(`| ${head.join(' | ')} |`);
  console.log(`| ${head.map((_, i) => (i ? '---:' : '---')).join(' | ')} |`);
  for (const r of body) console.log(`| ${r.join(' | ')} |`);
}
