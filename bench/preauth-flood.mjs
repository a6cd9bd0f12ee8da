#!/usr/bin/env node
// Memory before authentication (issue 13 item 4): the gateway's RSS while SOCKETS unauthenticated
// WebSockets each send one 25 MB frame (three floods in a row on one gateway), and 10 s after the
// last. Yardsticks in the same run: a fresh gateway that sees SOCKETS plain WebSockets (open, read
// the challenge, close) three times, and, with BENCH_BASELINE=<checkout with a build>, the same
// flood against that build, alternating run by run.
// Usage: npm run build && [BENCH_BASELINE=/path] node bench/preauth-flood.mjs [SOCKETS=100] [RUNS=3] [FLOODS=3]
import { frameHeader, rawWebSocket } from '../scripts/raw-ws.mjs';
import { builds, gatewayOf, markdownTable, median, round, rssMiB, sleep } from './gateway-hostile-lib.mjs';

const SOCKETS = Number(process.argv[2] ?? 100);
const RUNS = Number(process.argv[3] ?? 3);
const FRAME = 25 * 1024 * 1024;
const FLOOD_LIMIT_MS = 60_000;
const FLOODS = Number(process.argv[4] ?? 3);
// One payload shared by every socket (a zero mask leaves it as is), so the flooder itself stays small.
const payload = Buffer.alloc(FRAME, 0x61);
const header = frameHeader(FRAME);

/** Upgrades, sends one 25 MB frame (or, plain, just closes after the challenge); resolves with the
 * close code the gateway sent (0: none). */
function floodSocket(port, sockets, plain) {
  return new Promise((resolve) => {
    let code = 0;
    const { sock, upgraded } = rawWebSocket(port, (f) => {
      if (f.opcode === 0x8 && f.payload.length >= 2) code = f.payload.readUInt16BE(0);
    });
    sockets.push(sock);
    void upgraded.then(() => {
      if (plain) return void sock.end();
      sock.write(header);
      sock.write(payload);
    });
    sock.on('close', () => resolve(code));
  });
}

/** One fresh gateway, FLOODS floods of SOCKETS sockets in a row (does memory accumulate?). */
async function floodOnce(build, plain = false) {
  const gw = await gatewayOf(build);
  await sleep(1000);
  const before = [];
  for (let i = 0; i < 5; i++, await sleep(100)) before.push(rssMiB(gw.pid));
  const peaks = [];
  const times = [];
  const closed = [];
  for (let f = 0; f < FLOODS; f++) {
    let peak = 0;
    const sampler = setInterval(() => {
      if (gw.alive()) peak = Math.max(peak, rssMiB(gw.pid));
    }, 50);
    const sockets = [];
    const t0 = Date.now();
    const codes = await Promise.race([
      Promise.all(Array.from({ length: SOCKETS }, () => floodSocket(gw.port, sockets, plain))),
      sleep(FLOOD_LIMIT_MS).then(() => null),
    ]);
    times.push(Date.now() - t0);
    for (const s of sockets) s.destroy();
    await sleep(2000);
    clearInterval(sampler);
    peaks.push(peak);
    if (process.env.BENCH_VERBOSE) console.error(`${build.name}${plain ? ' plain' : ''}: flood ${f + 1} peak ${round(peak)} MiB`);
    closed.push(codes ? codes.filter((c) => c === 1009).length : 'timeout');
  }
  await sleep(8000);
  const after = [];
  for (let i = 0; i < 5; i++, await sleep(100)) after.push(rssMiB(gw.pid));
  const alive = gw.alive();
  await gw.stop();
  return { baseline: median(before), firstPeak: peaks[0], lastPeak: peaks.at(-1), after: median(after), floodMs: median(times), closed1009: Math.min(...closed.map(Number)), alive };
}

const list = builds();
const scenarios = [...list.map((b) => ({ name: `${b.name}: flood`, build: b, plain: false })), { name: `${list[0].name}: ${SOCKETS} plain sockets`, build: list[0], plain: true }];
const results = new Map(scenarios.map((sc) => [sc.name, []]));
for (let run = 0; run < RUNS; run++) {
  for (const sc of run % 2 ? [...scenarios].reverse() : scenarios) results.get(sc.name).push(await floodOnce(sc.build, sc.plain));
}
const rows = [];
const mib = (rs, k) => `${round(median(rs.map((r) => r[k])))} MiB`;
for (const [name, rs] of results) {
  rows.push([name, mib(rs, 'baseline'), mib(rs, 'firstPeak'), mib(rs, 'lastPeak'), mib(rs, 'after'), `${round(median(rs.map((r) => r.floodMs)) / 1000)} s`, rs.map((r) => r.closed1009).join('/'), rs.every((r) => r.alive) ? 'yes' : 'NO']);
}
markdownTable(`pre-auth flood: ${FLOODS} floods in a row of ${SOCKETS} sockets × one 25 MB frame; median of ${RUNS} runs`, [
  ['scenario', 'idle RSS', 'peak, 1st flood', `peak, flood ${FLOODS}`, 'RSS 10 s after', 'time per flood', `fewest 1009 closes (of ${SOCKETS})`, 'gateway up'],
  ...rows,
]);
process.exit(0);
