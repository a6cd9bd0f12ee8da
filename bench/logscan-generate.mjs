// Writes a realistic gateway log of a given size: mostly benign info/debug lines, ~1% benign
// warnings, and 0.1% lines carrying a known failure signature (taken from the catalog's own
// examples), mixed across the shapes real logs have: plain text, upstream JSON lines, Docker and
// journald prefixes, and stack traces. Usage: node bench/logscan-generate.mjs FILE BYTES
import fs from 'node:fs';

const [file, bytesArg] = process.argv.slice(2);
const target = Number(bytesArg ?? 1 << 30);
if (!file || !Number.isFinite(target)) {
  console.error('usage: node bench/logscan-generate.mjs FILE BYTES');
  process.exit(2);
}

const catalog = JSON.parse(fs.readFileSync(new URL('../dist/signatures/catalog.json', import.meta.url), 'utf8'));
const failures = catalog.signatures.flatMap((s) => s.examples.match.filter((e) => !e.startsWith('{')));

// A small deterministic PRNG (mulberry32) so runs are comparable.
let seed = 42;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (a) => a[Math.floor(rand() * a.length)];
const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rand() * 16)]).join('');

const subsystems = ['gateway', 'gateway/ws', 'agent', 'telegram', 'discord', 'cron', 'browser', 'models', 'nodes', 'canvas'];
const benign = [
  () => `ws connected conn=${hex(8)} client=openclaw-control-ui mode=ui role=operator`,
  () => `agent run ${hex(12)} accepted session=main:${hex(6)} model=anthropic/claude-sonnet-4-5`,
  () => `agent run ${hex(12)} ok in ${Math.floor(rand() * 9000)}ms tokens in=${Math.floor(rand() * 20000)} out=${Math.floor(rand() * 3000)}`,
  () => `telegram: update ${Math.floor(rand() * 1e9)} from chat ${Math.floor(rand() * 1e7)} delivered to agent main`,
  () => `discord: message ${Math.floor(rand() * 1e17)} in guild ${Math.floor(rand() * 1e17)} routed (mentioned)`,
  () => `cron: job daily-digest-${hex(4)} next run at 2026-11-23T07:00:00.000Z`,
  () => `tick seq=${Math.floor(rand() * 1e6)} presence=${Math.floor(rand() * 9)} health=ok`,
  () => `tool call read_file path=/home/ana/projects/${hex(6)}/src/index.ts bytes=${Math.floor(rand() * 90000)}`,
  () => `config reloaded (hot): cron, hooks`,
  () => `models: catalog refreshed (${Math.floor(rand() * 400)} models, ${Math.floor(rand() * 900)}ms)`,
  () => `heartbeat sent to telegram:${Math.floor(rand() * 1e7)} in ${Math.floor(rand() * 2000)}ms`,
  () => `http GET /health 200 ${Math.floor(rand() * 5)}ms`,
];
const warnings = [
  () => `slow tool call exec took ${Math.floor(rand() * 90000)}ms session=main:${hex(6)}`,
  () => `retrying provider request in ${Math.floor(rand() * 4000)}ms (attempt ${Math.floor(rand() * 3) + 1})`,
];

function shape(message, level) {
  const now = new Date(Date.UTC(2026, 10, 22, 2) + Math.floor(rand() * 3_600_000)).toISOString();
  const sub = pick(subsystems);
  const r = rand();
  if (r < 0.55) {
    return JSON.stringify({
      '0': `{"subsystem":"${sub}"}`,
      '1': message,
      _meta: { runtime: 'node', runtimeVersion: '24.16.0', hostname: 'box', name: `{"subsystem":"${sub}"}`, date: now, logLevelId: level === 'ERROR' ? 5 : level === 'WARN' ? 4 : 3, logLevelName: level },
      time: now,
    });
  }
  if (r < 0.8) return `${now} [${sub}] ${level.toLowerCase()} ${message}`;
  if (r < 0.9) return `openclaw-gateway-1  | ${now} [${sub}] ${level.toLowerCase()} ${message}`;
  return `Nov 22 02:${String(Math.floor(rand() * 60)).padStart(2, '0')}:00 box openclaw-gateway[4121]: ${message}`;
}

const out = fs.openSync(file, 'w');
let written = 0;
let lines = 0;
let matching = 0;
let batch = [];
let batchBytes = 0;
while (written < target) {
  const r = rand();
  let line;
  if (r < 0.001) {
    matching++;
    line = shape(pick(failures), 'ERROR');
    if (rand() < 0.2) line += `\n    at Gateway.start (file:///usr/lib/node_modules/openclaw/dist/gateway.js:${Math.floor(rand() * 900)}:17)\n    at async main (file:///usr/lib/node_modules/openclaw/dist/cli.js:88:5)`;
  } else if (r < 0.011) line = shape(pick(warnings)(), 'WARN');
  else line = shape(pick(benign)(), rand() < 0.2 ? 'DEBUG' : 'INFO');
  batch.push(line);
  batchBytes += line.length + 1;
  lines++;
  if (batchBytes > 4 << 20) {
    const chunk = `${batch.join('\n')}\n`;
    fs.writeSync(out, chunk);
    written += Buffer.byteLength(chunk);
    batch = [];
    batchBytes = 0;
  }
}
if (batch.length) {
  const chunk = `${batch.join('\n')}\n`;
  fs.writeSync(out, chunk);
  written += Buffer.byteLength(chunk);
}
fs.closeSync(out);
console.log(JSON.stringify({ file, bytes: written, lines, matching }));
