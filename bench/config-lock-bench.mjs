// Config write lock: what it costs per write, and what it saves under 50 parallel writers.
//   node bench/config-lock-bench.mjs [WRITES_PER_ROUND] [ROUNDS] [WRITERS]
// 1. In one process, the same config write with and without the lock (rounds alternate; medians).
// 2. WRITERS real `openclaw config set` processes of distinct keys at once (locked), against the
//    same number of processes doing the unlocked read-modify-write the CLI did before (yardstick):
//    failures, keys lost, wall time.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => pathToFileURL(path.join(root, 'dist', p)).href;
const { replaceConfigBytes, rotateBackups, writeFileAtomic, sweepStaleTemps } = await import(dist('src/config/write.js'));
const { withConfigWriteLock } = await import(dist('src/config/write-lock.js'));

const [perRound = 200, rounds = 7, writers = 50] = process.argv.slice(2).map(Number);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-lock-bench-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const text = `${JSON.stringify({ gateway: { mode: 'local', port: 18789 }, notes: { a: 'b' } }, null, 2)}\n`;

// The write without the lock: exactly what replaceConfigBytes does inside it.
function unlockedWrite(file) {
  sweepStaleTemps(file);
  rotateBackups(file);
  writeFileAtomic(file, text);
}

function timeRound(fn) {
  const file = path.join(tmp, `round-${Math.random().toString(36).slice(2)}`, 'openclaw.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < perRound; i++) fn(file);
  const perWriteUs = Number(process.hrtime.bigint() - t0) / 1000 / perRound;
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return perWriteUs;
}

const without = [];
const withLock = [];
const lockOnly = [];
for (let r = 0; r < rounds; r++) {
  without.push(timeRound(unlockedWrite));
  withLock.push(timeRound((f) => replaceConfigBytes(f, text)));
  lockOnly.push(timeRound((f) => withConfigWriteLock(f, () => undefined)));
}

// Parallel writers. The yardstick child does the old unlocked read-modify-write of `config set`.
const UNLOCKED_CHILD = `
const [distUrl, file, key] = process.argv.slice(1);
const { readConfigFile } = await import(distUrl + '/src/config/load.js');
const { rotateBackups, writeFileAtomic, sweepStaleTemps } = await import(distUrl + '/src/config/write.js');
const r = readConfigFile(file);
const raw = r.exists ? r.raw : {};
raw.notes = { ...(raw.notes ?? {}), [key]: key };
sweepStaleTemps(file); rotateBackups(file); writeFileAtomic(file, JSON.stringify(raw, null, 2) + '\\n');
`;

function run(args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, err });
    });
  });
}

async function parallel(locked) {
  const state = fs.mkdtempSync(path.join(tmp, locked ? 'locked-' : 'unlocked-'));
  const file = path.join(state, 'openclaw.json');
  fs.writeFileSync(file, '{"gateway":{"mode":"local"}}\n');
  const env = { ...process.env, OPENCLAW_STATE_DIR: state, OPENCLAW_CONFIG_PATH: file, OPENCLAW_CONFIG_LOCK_TIMEOUT_MS: '60000' };
  const t0 = Date.now();
  const results = await Promise.all(
    Array.from({ length: writers }, (_, i) =>
      locked
        ? run([path.join(root, 'dist/src/cli/main.js'), 'config', 'set', `notes.k${i}`, `k${i}`], env)
        : run(['--input-type=module', '-e', UNLOCKED_CHILD, pathToFileURL(path.join(root, 'dist')).href, file, `k${i}`], env),
    ),
  );
  const wallMs = Date.now() - t0;
  let keys = 0;
  try {
    keys = Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).notes ?? {}).length;
  } catch {
    keys = 0; // a torn file counts as every update lost
  }
  return { failures: results.filter((r) => r.code !== 0).length, lost: writers - keys, wallMs };
}

const unlocked = await parallel(false);
const locked = await parallel(true);
fs.rmSync(tmp, { recursive: true, force: true });

const out = {
  node: process.version,
  writesPerRound: perRound,
  rounds,
  perWriteUs: { withoutLock: median(without), withLock: median(withLock), lockAcquireRelease: median(lockOnly) },
  parallelWriters: writers,
  unlockedReadModifyWrite: unlocked,
  configSetWithLock: locked,
};
console.log(JSON.stringify(out, null, 2));
