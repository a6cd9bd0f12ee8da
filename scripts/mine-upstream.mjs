#!/usr/bin/env node
// Mines the user-facing message templates of a real OpenClaw release, for the catalog's coverage
// corpus (issue 15): the strings a release throws (`throw new …Error(…)`), logs at error or warning
// level (`….error(…)`, `….warn(…)`), or keeps in `message:` fields. Templates are facts about the
// release; nothing of its code is kept. The package is read, never run.
//
// Usage: node scripts/mine-upstream.mjs VERSION [PACKAGE_DIR] > corpus.jsonl
//   PACKAGE_DIR: an unpacked `npm pack openclaw@VERSION` (its package/ folder); without it the
//   script packs the release into a temp folder itself (needs the npm registry).
// Each output line: {template, example, release, file, area, expected}; `expected` is left null
// for a maintainer to label (a cause id, or "none").
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';

const [version, given] = process.argv.slice(2);
if (!version) {
  console.error('usage: node scripts/mine-upstream.mjs VERSION [PACKAGE_DIR]');
  process.exit(2);
}

function unpack() {
  if (given) return path.resolve(given);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openclaw-mine-'));
  const pack = spawnSync('npm', ['pack', `openclaw@${version}`, '--silent'], { cwd: dir, encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const tgz = pack.stdout.trim().split('\n').pop();
  spawnSync('tar', ['xzf', tgz], { cwd: dir });
  return path.join(dir, 'package');
}

/** Areas by words in the message or the file name, first match wins (the coverage figures are per area). */
const AREAS = [
  ['auth', /\b(unauthori[sz]ed|token|password|pairing|device|scope|origin|tailscale|bootstrap|setup code)\b/i],
  ['service', /\b(systemd|launchd|launchctl|schtasks|scheduled task|service|linger)\b/i],
  ['config', /\b(config|openclaw\.json|gateway\.mode|json5|secretref|secrets?)\b/i],
  ['browser', /\b(browser|chrome|chromium|cdp|playwright|tab)\b/i],
  ['nodes', /\b(node command|system\.run|SYSTEM_RUN|camera|permission|exec denied|approval)\b/i],
  ['cron/heartbeat', /\b(cron|heartbeat|schedule)\b/i],
  ['channels', /\b(telegram|discord|slack|whatsapp|signal|imessage|channel|webhook|matrix)\b/i],
  ['models', /\b(model|provider|api key|anthropic|openai|ollama|rate.?limit|context window|maxTokens)\b/i],
  ['gateway', /\b(gateway|port|bind|listen|websocket|lock|restart|protocol)\b/i],
];
const areaOf = (template, file) => AREAS.find(([, re]) => re.test(template) || re.test(path.basename(file)))?.[0] ?? 'other';

/** Template text with each interpolation as `{}`, and an example with plausible values. */
function templateOf(node) {
  if (ts.isStringLiteralLike(node)) return { template: node.text, example: node.text };
  if (ts.isTemplateExpression(node)) {
    let template = node.head.text;
    let example = node.head.text;
    for (const span of node.templateSpans) {
      template += `{}${span.literal.text}`;
      example += `${sampleFor(span.expression.getText())}${span.literal.text}`;
    }
    return { template, example };
  }
  return undefined;
}

function sampleFor(expr) {
  if (/port/i.test(expr)) return '18789';
  if (/pid/i.test(expr)) return '4242';
  if (/version/i.test(expr)) return '2026.9.6';
  if (/(ms|timeout)/i.test(expr)) return '5000';
  if (/seconds/i.test(expr)) return '60';
  if (/(path|file|dir)/i.test(expr)) return '/home/ana/.openclaw/openclaw.json';
  if (/(user)/i.test(expr)) return 'ana';
  if (/(provider)/i.test(expr)) return 'anthropic';
  if (/(url)/i.test(expr)) return 'ws://127.0.0.1:18789';
  if (/(host)/i.test(expr)) return '127.0.0.1';
  if (/(mode)/i.test(expr)) return 'token';
  return 'x';
}

const LOG_LEVELS = new Set(['error', 'warn', 'fatal']);
/** A message a user may see: words, not identifiers, paths or format strings. */
const userFacing = (t) => t.length >= 16 && t.length <= 400 && /^[A-Za-z`"(\[]/.test(t) && /[a-z]{3,} [a-z]{2,}/.test(t) && !/^(https?:|[./])/.test(t);

function messagesIn(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const out = [];
  const take = (node) => {
    const t = node && templateOf(node);
    if (t && userFacing(t.template)) out.push(t);
  };
  const visit = (node) => {
    if (ts.isNewExpression(node) && /Error$/.test(node.expression.getText())) take(node.arguments?.[0]);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      if (/^[A-Z]\w*Error$/.test(name) || LOG_LEVELS.has(name)) take(node.arguments[0]);
    } else if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'message') take(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const root = unpack();
const dist = path.join(root, 'dist');
const files = fs
  .readdirSync(dist, { recursive: true })
  .filter((f) => /\.(m?js)$/.test(f) && fs.statSync(path.join(dist, f)).size < 4 * 1024 * 1024)
  .sort();
const seen = new Map();
for (const rel of files) {
  let text;
  try {
    text = fs.readFileSync(path.join(dist, rel), 'utf8');
  } catch {
    continue;
  }
  if (text.includes('\u0000')) continue;
  for (const m of messagesIn(rel, text)) {
    if (seen.has(m.template)) continue;
    // Chunk names carry a content hash (`status-D4nIo8cT.mjs`): keep the stable part.
    const file = rel.replace(/-[A-Za-z0-9_]{8}(?=\.m?js$)/, '');
    seen.set(m.template, { template: m.template, example: m.example, release: version, file, area: areaOf(m.template, file), expected: null });
  }
}
for (const entry of [...seen.values()].sort((a, b) => a.area.localeCompare(b.area) || a.template.localeCompare(b.template))) {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
}
console.error(`${seen.size} templates from ${files.length} files of openclaw@${version}`);
