// Where a real OpenClaw CLI is, and how to run its gateway, for the scripts and the e2e test that
// run the doctor against it: OPENCLAW_UPSTREAM_BIN, else the first `openclaw` on PATH that is not this
// package. It needs Node >= 24: OPENCLAW_UPSTREAM_NODE, else the `node@24` package installed beside it
// (<scratch>/node_modules/node/bin/node, reference §8), else whatever `node` is on PATH.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function findUpstream() {
  if (process.env.OPENCLAW_UPSTREAM_BIN) return process.env.OPENCLAW_UPSTREAM_BIN;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const bin = path.join(dir, 'openclaw');
    if (!fs.existsSync(bin)) continue;
    if (fs.realpathSync(bin).startsWith(ROOT)) continue; // that is us (npm link / node_modules/.bin)
    return bin;
  }
  return undefined;
}

/** PATH for the real CLI: the folder of the Node it needs first. */
export function upstreamPath(bin, envPath = process.env.PATH ?? '') {
  const beside = path.join(path.dirname(bin), '..', 'node', 'bin', 'node');
  const node = process.env.OPENCLAW_UPSTREAM_NODE ?? (fs.existsSync(beside) ? beside : undefined);
  return node ? [path.dirname(node), envPath].join(path.delimiter) : envPath;
}

/** Why this process may not run the real gateway (it makes outbound requests), or undefined. */
export function notLoopbackOnly() {
  const other = Object.entries(os.networkInterfaces()).filter(([name, addrs]) => name !== 'lo' && (addrs ?? []).length > 0);
  return other.length ? `network interfaces besides loopback (${other.map(([n]) => n).join(', ')}): run it in a loopback-only namespace (\`ip netns exec <ns> …\`, reference §8)` : undefined;
}

export const health = (port) =>
  new Promise((resolve) => {
    http.get({ host: '127.0.0.1', port, path: '/health', timeout: 2000 }, (res) => (res.resume(), resolve(res.statusCode === 200))).on('error', () => resolve(false));
  });

/**
 * Starts the real gateway (its own process group, so its workers go too) and resolves when /health
 * answers ('up'), the process exits ('exited'), or waitMs pass ('timeout'). `stop()` always ends it.
 */
export async function startUpstreamGateway(bin, env, port, { waitMs = 60_000, args = [] } = {}) {
  let output = '';
  const child = spawn(bin, ['gateway', '--port', String(port), ...args], { env: { ...env, PATH: upstreamPath(bin, env.PATH) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((r) => child.once('exit', r));
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      signal('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    }
    signal('SIGKILL'); // workers it left behind
  };
  const until = Date.now() + waitMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) return { state: 'exited', pid: child.pid, stop, output: () => output };
    if (await health(port)) return { state: 'up', pid: child.pid, stop, output: () => output };
    await new Promise((r) => setTimeout(r, 200));
  }
  return { state: 'timeout', pid: child.pid, stop, output: () => output };
}

/**
 * Removes what the real gateway leaves outside the state dirs it ran with (reference §8): the sqlite
 * coordinators in /tmp/openclaw-state-locks-<uid>, named by a hash of each state dir's database path
 * (others' stay), and that folder once empty. Call it while the state dirs still exist.
 */
export function removeUpstreamLocks(stateDirs) {
  const dir = path.join('/tmp', `openclaw-state-locks-${process.getuid?.() ?? 0}`);
  if (!fs.existsSync(dir)) return;
  const hashes = stateDirs.filter((d) => fs.existsSync(d)).map((d) => crypto.createHash('sha256').update(path.join(fs.realpathSync(d), 'state', 'openclaw.sqlite')).digest('hex').slice(0, 8));
  for (const f of fs.readdirSync(dir)) if (hashes.some((h) => f.includes(`.${h}.`))) fs.rmSync(path.join(dir, f), { force: true });
  if (fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
}
