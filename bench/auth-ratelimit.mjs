#!/usr/bin/env node
// Wrong-credential attempts before the first refusal for rate limiting (issue 13 item 5), on a fresh
// gateway with gateway.auth.rateLimit.exemptLoopback=false (the limiter as a remote client meets it):
// HTTP (wrong Bearer on /v1/models until a 429) and WebSocket (wrong token in connect until
// AUTH_RATE_LIMITED), each capped at MAX attempts, with the attempt rate. Yardsticks in the same
// run: the configured maxAttempts (10), and with BENCH_BASELINE=<checkout with a build> the same
// measurement against that build, alternating run by run.
// Usage: npm run build && [BENCH_BASELINE=/path] node bench/auth-ratelimit.mjs [MAX=3000] [RUNS=3]
import http from 'node:http';
import WebSocket from 'ws';
import { builds, gatewayOf, markdownTable, median, round } from './gateway-hostile-lib.mjs';

const MAX = Number(process.argv[2] ?? 3000);
const RUNS = Number(process.argv[3] ?? 3);
const MAX_ATTEMPTS = 10;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function httpAttempt(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/v1/models', agent, timeout: 5000, headers: { authorization: 'Bearer wrong-token' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
  });
}

/** One connect with a wrong token; resolves with the refusal's detail code. */
function wsAttempt(port) {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
    const timer = setTimeout(() => (ws.terminate(), resolve('timeout')), 5000);
    ws.on('error', () => (clearTimeout(timer), resolve('error')));
    ws.on('message', (d) => {
      const f = JSON.parse(d.toString());
      if (f.event === 'connect.challenge') {
        const client = { id: 'test', version: '1.0.0', platform: 'linux', mode: 'test' };
        ws.send(JSON.stringify({ type: 'req', id: 'c1', method: 'connect', params: { minProtocol: 3, maxProtocol: 4, client, role: 'operator', scopes: [], auth: { token: 'wrong-token' } } }));
      } else if (f.type === 'res') {
        clearTimeout(timer);
        ws.terminate();
        resolve(f.error?.details?.code ?? (f.ok ? 'ok' : 'refused'));
      }
    });
  });
}

/** Attempts until `isLimited` (or MAX); returns {before: attempts refused before the first limit, perSec}. */
async function until(attempt, isLimited) {
  const t0 = process.hrtime.bigint();
  for (let n = 1; n <= MAX; n++) {
    if (isLimited(await attempt())) return { before: n - 1, perSec: n / (Number(process.hrtime.bigint() - t0) / 1e9) };
  }
  return { before: `${MAX}, no limit`, perSec: MAX / (Number(process.hrtime.bigint() - t0) / 1e9) };
}

async function measure(build, kind) {
  const gw = await gatewayOf(build, { auth: { rateLimit: { maxAttempts: MAX_ATTEMPTS, exemptLoopback: false } } });
  try {
    return kind === 'http' ? await until(() => httpAttempt(gw.port), (s) => s === 429) : await until(() => wsAttempt(gw.port), (c) => c === 'AUTH_RATE_LIMITED');
  } finally {
    await gw.stop();
  }
}

const list = builds();
const scenarios = list.flatMap((b) => ['http', 'ws'].map((kind) => ({ name: `${b.name}: ${kind === 'http' ? 'HTTP /v1/models' : 'WebSocket connect'}`, build: b, kind })));
const results = new Map(scenarios.map((sc) => [sc.name, []]));
for (let run = 0; run < RUNS; run++) {
  for (const sc of run % 2 ? [...scenarios].reverse() : scenarios) results.get(sc.name).push(await measure(sc.build, sc.kind));
}
const rows = [...results].map(([name, rs]) => [name, rs.map((r) => r.before).join(' / '), `${Math.round(median(rs.map((r) => r.perSec)))}/s`]);
markdownTable(`wrong credentials before the first rate-limit refusal (maxAttempts ${MAX_ATTEMPTS}, exemptLoopback false, cap ${MAX}); ${RUNS} runs`, [
  ['scenario', 'attempts before the first 429 / AUTH_RATE_LIMITED (each run)', 'median attempt rate'],
  ...rows,
]);
agent.destroy();
process.exit(0);
