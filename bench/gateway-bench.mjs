#!/usr/bin/env node
// Gateway benchmarks (not tests): start → listening, idle RSS, handshake + health latency, health
// RPCs per second on 1 and 100 connections, and 5,000 concurrent authenticated connections.
// Usage: npm run build && node bench/gateway-bench.mjs [start|rss|latency|throughput|concurrent|all] [--json]
// Every step has a hard time limit; every process it starts is killed at the end.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin.openclaw); // as a user starts it
if (!fs.existsSync(CLI)) {
  console.error('build first: npm run build');
  process.exit(2);
}
const { connectGateway } = await import(path.join(ROOT, 'dist/src/client/connection.js'));

const TOKEN = crypto.randomBytes(24).toString('hex');
const tmpDirs = [];
const procs = new Set();
process.on('exit', () => {
  for (const p of procs) p.kill('SIGKILL');
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

function stateDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-bench-'));
  tmpDirs.push(dir);
  fs.writeFileSync(path.join(dir, 'openclaw.json'), JSON.stringify({ gateway: { mode: 'local', auth: { mode: 'token', token: TOKEN } } }), { mode: 0o600 });
  return dir;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const round = (n, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

function rssMiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** CPU time (user + system, all threads) a process has used: less sensitive to a busy machine than wall time. */
function cpuMsOf(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Starts a gateway; resolves with {proc, port, startMs} once it prints its listening line. */
function startGateway(dir, timeoutMs = 15_000) {
  const t0 = process.hrtime.bigint();
  const env = { ...process.env, OPENCLAW_STATE_DIR: dir, NO_COLOR: '1' };
  delete env.OPENCLAW_CONFIG_PATH;
  const proc = spawn(process.execPath, [CLI, 'gateway', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  procs.add(proc);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no listening line within ${timeoutMs}ms:\n${out}`)), timeoutMs);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /listening on ws:\/\/[^\s]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, port: Number(m[1]), startMs: Number(process.hrtime.bigint() - t0) / 1e6, cpuMs: cpuMsOf(proc.pid) });
      }
    });
    proc.on('exit', (code) => reject(new Error(`gateway exited ${code}:\n${out}`)));
  });
}

async function stop(gw) {
  gw.proc.kill('SIGTERM');
  await new Promise((r) => {
    const t = setTimeout(() => {
      gw.proc.kill('SIGKILL');
      r();
    }, 5000);
    gw.proc.once('exit', () => {
      clearTimeout(t);
      r();
    });
  });
  procs.delete(gw.proc);
}

/** A token-authenticated raw socket that has finished the handshake. */
function rawClient(port, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error('handshake timeout'));
    }, timeoutMs);
    ws.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    ws.on('message', function first(data) {
      const f = JSON.parse(data.toString());
      if (f.event === 'connect.challenge') {
        ws.send(JSON.stringify({ type: 'req', id: 'c', method: 'connect', params: { minProtocol: 3, maxProtocol: 4, client: { id: 'test', version: '1', platform: 'linux', mode: 'test' }, auth: { token: TOKEN } } }));
      } else if (f.id === 'c') {
        clearTimeout(timer);
        ws.off('message', first);
        f.ok ? resolve(ws) : reject(new Error(f.error?.message));
      }
    });
  });
}

async function benchStart(runs = 15) {
  const times = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const gw = await startGateway(stateDir());
    times.push(gw.startMs);
    cpu.push(gw.cpuMs);
    await stop(gw);
  }
  return { runs, medianMs: round(median(times)), minMs: round(Math.min(...times)), maxMs: round(Math.max(...times)), cpuMedianMs: median(cpu), loadAvg: os.loadavg()[0] };
}

async function benchRss(runs = 3, idleMs = 2000) {
  const rss = [];
  for (let i = 0; i < runs; i++) {
    const gw = await startGateway(stateDir());
    await new Promise((r) => setTimeout(r, idleMs));
    rss.push(rssMiB(gw.proc.pid));
    await stop(gw);
  }
  return { runs, idleMs, medianMiB: round(median(rss)), values: rss.map((v) => round(v)) };
}

async function benchLatency(iterations = 300) {
  const dir = stateDir();
  const gw = await startGateway(dir);
  const clientDir = stateDir();
  const ms = [];
  try {
    for (let i = 0; i < iterations; i++) {
      const t = process.hrtime.bigint();
      const c = await connectGateway({ url: `ws://127.0.0.1:${gw.port}`, token: TOKEN, stateDir: clientDir, timeoutMs: 5000 });
      if (!c.ok) throw new Error(c.failure.message);
      const h = await c.client.call('health', {}, 5000);
      if (!h.ok) throw new Error(h.failure.message);
      ms.push(Number(process.hrtime.bigint() - t) / 1e6);
      c.client.close();
    }
  } finally {
    await stop(gw);
  }
  return { iterations, withDeviceIdentity: true, p50Ms: round(median(ms), 2), p99Ms: round(pct(ms, 99), 2) };
}

/** Each connection keeps `window` health calls in flight for durationMs. */
async function throughput(port, connections, durationMs = 3000, window = 16) {
  const sockets = await Promise.all(Array.from({ length: connections }, () => rawClient(port)));
  let done = 0;
  let errors = 0;
  const deadline = Date.now() + durationMs;
  await Promise.all(
    sockets.map(
      (ws, n) =>
        new Promise((resolve) => {
          let seq = 0;
          let inflight = 0;
          const send = () => {
            while (inflight < window && Date.now() < deadline) {
              inflight++;
              ws.send(JSON.stringify({ type: 'req', id: `${n}-${seq++}`, method: 'health' }));
            }
            if (inflight === 0) resolve();
          };
          ws.on('message', (data) => {
            const f = JSON.parse(data.toString());
            if (f.type !== 'res') return;
            inflight--;
            if (f.ok) done++;
            else errors++;
            send();
          });
          send();
        }),
    ),
  );
  for (const ws of sockets) ws.close();
  return { connections, durationMs, window, rps: Math.round(done / (durationMs / 1000)), errors };
}

async function benchThroughput() {
  const gw = await startGateway(stateDir());
  try {
    return { one: await throughput(gw.port, 1), hundred: await throughput(gw.port, 100, 3000, 4) };
  } finally {
    await stop(gw);
  }
}

async function benchConcurrent(target = 5000, timeoutMs = 90_000) {
  const gw = await startGateway(stateDir());
  const before = rssMiB(gw.proc.pid);
  const sockets = [];
  let errors = 0;
  const firstErrors = new Set();
  const t0 = Date.now();
  try {
    // Open in batches so the accept queue is not the thing being measured.
    for (let i = 0; i < target && Date.now() - t0 < timeoutMs; i += 250) {
      const batch = await Promise.allSettled(Array.from({ length: Math.min(250, target - i) }, () => rawClient(gw.port)));
      for (const r of batch) {
        if (r.status === 'fulfilled') sockets.push(r.value);
        else {
          errors++;
          if (firstErrors.size < 3) firstErrors.add(String(r.reason?.message ?? r.reason));
        }
      }
    }
    const connectMs = Date.now() - t0;
    await new Promise((r) => setTimeout(r, 1000));
    const rss = rssMiB(gw.proc.pid);
    // One health call on a sample of them proves they are live, not just open.
    const sample = sockets.filter((_, i) => i % 50 === 0);
    const alive = await Promise.all(
      sample.map(
        (ws, i) =>
          new Promise((resolve) => {
            const t = setTimeout(() => resolve(false), 10_000);
            ws.on('message', (d) => {
              const f = JSON.parse(d.toString());
              if (f.id === `h${i}`) {
                clearTimeout(t);
                resolve(f.ok);
              }
            });
            ws.send(JSON.stringify({ type: 'req', id: `h${i}`, method: 'health' }));
          }),
      ),
    );
    return { target, connected: sockets.length, errors, connectMs, rssIdleMiB: round(before), rssMiB: round(rss), sampleHealthOk: alive.filter(Boolean).length, sampleSize: sample.length, errorSamples: [...firstErrors] };
  } finally {
    for (const ws of sockets) ws.terminate();
    await stop(gw);
  }
}

const which = process.argv[2] ?? 'all';
const results = { node: process.version, cpus: os.cpus().length, date: new Date().toISOString() };
const steps = { start: benchStart, rss: benchRss, latency: benchLatency, throughput: benchThroughput, concurrent: benchConcurrent };
for (const [name, fn] of Object.entries(steps)) {
  if (which !== 'all' && which !== name) continue;
  const t = Date.now();
  results[name] = await fn();
  if (!process.argv.includes('--json')) console.error(`${name}: ${JSON.stringify(results[name])} (${Date.now() - t}ms)`);
}
console.log(JSON.stringify(results, null, 2));
process.exit(0);
