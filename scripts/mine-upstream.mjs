#!/usr/bin/env node
// Mines the user-facing failure messages of real OpenClaw releases into the catalog's coverage corpus
// (issue 15): test/corpus/upstream-messages.jsonl. Templates are facts about the releases; nothing of
// their code is kept. The packages are read, never run.
//
// Usage: node scripts/mine-upstream.mjs [--packages DIR] [--out FILE] VERSION…
//   --packages DIR  holds DIR/<VERSION>/package (an unpacked `npm pack openclaw@VERSION`); a missing
//                   one is packed there (needs the npm registry). Default: a temp folder.
//   --out FILE      the corpus to write (default test/corpus/upstream-messages.jsonl). Its labels
//                   (`expected`, `note`) are kept for every template that is mined again, so a rerun
//                   for a new release only adds unlabelled entries (expected: null) for the new ones.
//
// The selection rule (reproducible, not picked by hand):
//  1. Kind: the text reaches a user as
//     - throw:  the first argument of `throw new XError(…)` / `throw XError(…)` when it is written for
//               the user: a typed error (`new ProviderAuthError(…)`, not a bare Error), or one
//               that opens with the failed step ("Startup failed: …") or names a remedy, an
//               `openclaw` command, a config key or an env variable (ADDRESSED below; the rest are
//               internal errors a caller rewords);
//     - log:    the first argument of a logger's error or warn call (`log.warn(…)`, `runtime.error(…)`,
//               `console.error(…)`, `logWarn(…)`, `warn(…)`), unwrapped from a colouring call
//               (`errorText("…")`);
//     - close:  a WebSocket close reason (`.close(1008, "…")`, `close({ reason: "…" })`);
//     - table:  an error-code table (an object of ≥ 3 code-like keys → message strings), or the
//               `message:` of an object that also has a `code:` or `level:`/`severity:` field, or a
//               `failMessage:` / `errorMessage:` / `userMessage:` field;
//     - return: the text returned by a function named …Message, …Hint, …Reason, …ErrorText, …Warning;
//     - doctor: a doctor or status text (`note("…")`, `hints.push("…")`, `warnings.push("…")`, …).
//     Both branches of a `cond ? "a" : "b"` count; interpolations become `{}`.
//  2. Failure: the text says something went wrong or must be done (FAILURE below); a warn/error log
//     line and a close reason always do.
//  3. Words: 16–300 characters, starts like a sentence, at least three words (two for a close reason) (not an identifier,
//     path or format string), and not a programmer's argument check (PROGRAMMER below).
//  4. Area: the first of the nine areas whose words (AREAS below) the text itself names. Texts that
//     name none are not kept. Files of the browser-side Control UI bundle are skipped (not CLI/gateway).
//  A template found in several releases is one entry listing each release.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const opts = { packages: undefined, out: path.join(ROOT, 'test/corpus/upstream-messages.jsonl'), versions: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--packages') opts.packages = argv[++i];
    else if (argv[i] === '--out') opts.out = argv[++i];
    else opts.versions.push(argv[i]);
  }
  return opts;
}

function unpack(dir, version) {
  const pkg = path.join(dir, version, 'package');
  if (fs.existsSync(pkg)) return pkg;
  fs.mkdirSync(path.join(dir, version), { recursive: true });
  const pack = spawnSync('npm', ['pack', `openclaw@${version}`, '--silent'], { cwd: path.join(dir, version), encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`npm pack openclaw@${version} failed: ${pack.stderr}`);
  const tgz = pack.stdout.trim().split('\n').pop();
  const tar = spawnSync('tar', ['xzf', tgz], { cwd: path.join(dir, version) });
  if (tar.status !== 0) throw new Error(`could not unpack ${tgz}`);
  return pkg;
}

/** The nine areas, by words the message names; the first that matches wins. */
export const AREAS = [
  ['service', /\b(systemd|systemctl|launchd|launchctl|LaunchAgent|schtasks|Scheduled Task|lingering|loginctl|(?:gateway|node|managed) service|^Service (?:is|unit)|service (?:unit|file|entrypoint|environment|definition|install)|(?:install|reinstall|uninstall)(?:ed)? the (?:gateway )?service)\b/i],
  ['auth', /\b(unauthori[sz]ed|plaintext ws|gateway auth|auth mode|gateway (?:token|password)|device (?:token|identity|signature|nonce)|pairing required|scope upgrade|missing scope|origin not allowed|tailscale identity|trusted[- ]prox\w*|setup code|bootstrap token)\b/i],
  ['config', /\b(config(?:uration)? (?:files?|keys?|paths?|is|was|invalid|validation|write|reload|uses)|invalid config|openclaw\.json|gateway\.mode|SecretRef|secrets? (?:are|is) (?:unavailable|missing|unresolved))\b/i],
  ['browser', /\b(browser|chrome|chromium|cdp|playwright)\b/i],
  ['nodes', /\b(node command|node (?:is )?(?:not connected|offline|disconnected|not paired)|system\.run|SYSTEM_RUN|exec denied|(?:camera|screen recording|location|microphone) permission)\b/i],
  ['cron/heartbeat', /\b(cron|heartbeat)\b/i],
  ['channels', /\b(telegram|discord|slack|whatsapp|signal|imessage|msteams|bot token)\b/i],
  ['models', /\b(api key|rate.?limit(?:ed)?|overloaded|context window|maxTokens|(?:unknown|invalid) model|model (?:not|is not)|provider (?:auth|error|returned|request|not)|anthropic|openai|ollama)\b/i],
  ['gateway', /\b(gateway (?:start|closed|restart|is not|not|failed|did not|lock|port|bind|health|already|unreachable|connect|stopp)\w*|port \d+|port \{\}|EADDRINUSE|bind (?:to|address)|(?:websocket|ws) (?:closed|connection))/i],
];
const areaOf = (template) => AREAS.find(([, re]) => re.test(template))?.[0];

/** Something went wrong, is refused, or needs doing. */
const FAILURE = /\b(fail(?:ed|s|ure)?|error|cannot|can't|could not|couldn't|unable|not (?:\w+ )?(?:found|running|reachable|available|allowed|supported|configured|set|installed|loaded|connected|paired|ready|permitted|responding|listening|enabled|valid)|missing|invalid|refus(?:ed|ing)|denied|unauthori[sz]ed|forbidden|rejected|mismatch|timed? ?out|unavailable|unreachable|blocked|required|already (?:in use|running|exists)|in use|expired|exceeded|too many|disabled|unsupported|unknown|conflict|no (?:\w+ ){0,2}(?:found|configured|available)|does not|did not|should be|must (?:be|set)|stopped|exited|crash|closed|lost|stale|ignored|deprecated|unsafe|insecure|differs|mismatched|over(?:loaded)?|limit|pending|requires?)\b/i;

/** Kinds whose every text reports a failure (a warn/error log level, a close reason). */
const SAYS_FAILURE = new Set(['log', 'close']);

/** Argument checks and invariants a user never causes. */
const PROGRAMMER = /\b(must be an? (?:string|number|boolean|object|function|array|finite|integer|positive integer|non-negative)|is not a function|not implemented|invariant|unreachable code|assertion|expected (?:a |an )?(?:string|number|object|array|function)|TODO|Unhandled case|programming error)\b/i;

/** A thrown error written for the user: it names a remedy, a command, a config key or an environment variable. */
const ADDRESSED = /^[\w .-]{3,40} (?:failed|denied|blocked|refused|rejected|error|unavailable):|^[A-Z]+ ERROR:|\b(run|set|use|check|try|pass|install|reinstall|restart|re-?pair|approve|enable|configure|update|upgrade|remove|add|log ?in|sign in|open|fix)\b|openclaw [a-z]|\b[a-z]+\.[a-z][A-Za-z]+\b|OPENCLAW_[A-Z_]+/;

/** A field that holds the text shown when something fails. */
const MESSAGE_FIELD = /^(failMessage|errorMessage|userMessage|failureMessage)$/;

/** A function whose result is a message shown to the user (`formatSystemRunAllowlistMissMessage`). */
const MESSAGE_FUNCTION = /(Message|Hint|Reason|ErrorText|Warning)$/;

const userFacing = (t, minWords = 3) =>
  t.length >= 16 && t.length <= 300 && /^[A-Za-z`"'(\[{]/.test(t) && (t.match(/[A-Za-z]{2,}/g) ?? []).length >= minWords && /[a-z]{3,} [a-z]{2,}/i.test(t) && !/^(https?:|[./])/.test(t) && !PROGRAMMER.test(t);

/** Plausible values for an interpolation, by the expression's name. */
const SAMPLES = [
  [/port/i, '18789'],
  [/pid/i, '48213'],
  [/version/i, '2026.9.6'],
  [/(timeout|ms)\b|Ms$/i, '10000'],
  [/seconds|secs/i, '60'],
  [/code/i, '1008'],
  [/(user|account|owner)/i, 'alice'],
  [/(url|endpoint|href)/i, 'ws://127.0.0.1:18789'],
  [/(host|address|addr)/i, '127.0.0.1'],
  [/bind/i, 'lan'],
  [/(mode)/i, 'token'],
  [/(profile)/i, 'work'],
  [/(configPath|config)/i, '/home/alice/.openclaw/openclaw.json'],
  [/(stateDir|state)/i, '/home/alice/.openclaw'],
  [/(path|file|dir|plist|unit)/i, '/home/alice/.openclaw/openclaw.json'],
  [/(label|service|task)/i, 'ai.openclaw.gateway'],
  [/(provider)/i, 'anthropic'],
  [/(model)/i, 'anthropic/claude-sonnet-4-5'],
  [/(channel)/i, 'telegram'],
  [/(profile)/i, 'work'],
  [/(agent)/i, 'main'],
  [/(device|node)/i, 'd3f1a9c2'],
  [/(scope)/i, 'operator.admin'],
  [/(key)/i, 'gateway.auth.token'],
  [/(count|total|attempts|limit|max|size|\bn\b)/i, '3'],
  [/(platform)/i, 'linux'],
  [/(command|cmd)/i, 'openclaw gateway status --deep'],
  [/(origin)/i, 'https://control.example.com'],
  [/(reason|status|state)/i, 'exited'],
  [/(err|error|message|detail|cause)/i, 'request aborted'],
  [/(id)\b|Id$/i, 'a1b2c3'],
  [/(name)/i, 'work'],
];
/**
 * An interpolation's example value: a conditional suffix with an empty branch is left out, a call
 * with a literal (`formatCliCommand("openclaw doctor")`) shows that literal, else a value by name.
 */
function sampleFor(expr) {
  if (ts.isConditionalExpression(expr) && [expr.whenTrue, expr.whenFalse].some((b) => ts.isStringLiteralLike(b) && b.text === '')) return '';
  if (ts.isCallExpression(expr)) {
    const literal = expr.arguments.find((a) => ts.isStringLiteralLike(a) && /[a-z]{3}/.test(a.text));
    if (literal) return literal.text;
  }
  const name = expr.getText();
  return SAMPLES.find(([re]) => re.test(name))?.[1] ?? 'value';
}

/** Template (interpolations as `{}`) and example of a string expression; both branches of a conditional. */
function textsOf(node) {
  if (!node) return [];
  if (ts.isParenthesizedExpression(node)) return textsOf(node.expression);
  if (ts.isConditionalExpression(node)) return [...textsOf(node.whenTrue), ...textsOf(node.whenFalse)];
  if (ts.isStringLiteralLike(node)) return [{ template: node.text, example: node.text }];
  if (ts.isTemplateExpression(node)) {
    let template = node.head.text;
    let example = node.head.text;
    for (const span of node.templateSpans) {
      template += `{}${span.literal.text}`;
      example += `${sampleFor(span.expression)}${span.literal.text}`;
    }
    return [{ template, example }];
  }
  // Lines joined into one text: ["…", "…"].join("\n") (each line is shown as a line).
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'join' && ts.isArrayLiteralExpression(node.expression.expression)) {
    return node.expression.expression.elements.flatMap(textsOf);
  }
  // A colouring or formatting wrapper: errorText("…"), theme.warn(`…`).
  if (ts.isCallExpression(node) && node.arguments.length === 1) return textsOf(node.arguments[0]);
  return [];
}

const calleeName = (callee) => (ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '');
const LOGGER = /(^|\.)(log|logger|console|runtime|defaultRuntime|\w*Log(?:ger)?|\w*log(?:ger)?)$/;
const PUSH_TARGET = /(hint|warning|issue|error|problem|note|finding|message)s?$/i;
const propName = (p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined);

function messagesIn(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const out = [];
  const take = (kind, node, decorate = (t) => t) => {
    for (const t of textsOf(node)) {
      // A close reason is a short phrase ("gateway restarting").
      const d = userFacing(t.template, kind === 'close' ? 2 : 3) && decorate(t);
      if (d) out.push({ kind, ...d });
    }
  };
  const visit = (node) => {
    if (ts.isThrowStatement(node)) {
      const e = node.expression;
      if ((ts.isNewExpression(e) || ts.isCallExpression(e)) && /Error$/.test(e.expression.getText())) {
        // The message is the first argument that is text (`new ProviderAuthError("code", provider, "…")`).
        const arg = (e.arguments ?? []).find((a) => textsOf(a).some((t) => userFacing(t.template)));
        const typed = !/^(Error|TypeError|RangeError|SyntaxError)$/.test(e.expression.getText());
        take('throw', arg, (t) => (typed || ADDRESSED.test(t.template)) && t);
      }
    } else if (ts.isReturnStatement(node) && node.expression) {
      const fn = ts.findAncestor(node, ts.isFunctionLike);
      const name = fn?.name && ts.isIdentifier(fn.name) ? fn.name.text : '';
      if (MESSAGE_FUNCTION.test(name)) take('return', node.expression);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = calleeName(callee);
      if ((name === 'error' || name === 'warn') && ts.isPropertyAccessExpression(callee) && LOGGER.test(callee.expression.getText())) take('log', node.arguments[0]);
      else if (ts.isIdentifier(callee) && /^(warn|logWarn|logError|warnLog|errorLog|fail)$/.test(name)) take('log', node.arguments[0]);
      else if (ts.isIdentifier(callee) && name === 'note') take('doctor', node.arguments[0]);
      else if (name === 'push' && ts.isPropertyAccessExpression(callee) && PUSH_TARGET.test(callee.expression.getText())) take('doctor', node.arguments[0]);
      else if (name === 'close' && node.arguments.length >= 2 && ts.isNumericLiteral(node.arguments[0])) {
        const code = node.arguments[0].text;
        if (Number(code) >= 1000 && Number(code) < 5000) take('close', node.arguments[1], (t) => ({ template: `closed (${code}): ${t.template}`, example: `gateway closed (${code}): ${t.example}` }));
      } else if (name === 'close' && node.arguments.length === 1 && ts.isObjectLiteralExpression(node.arguments[0])) {
        const reason = node.arguments[0].properties.find((p) => propName(p) === 'reason');
        if (reason && ts.isPropertyAssignment(reason)) take('close', reason.initializer);
      }
    } else if (ts.isObjectLiteralExpression(node)) {
      const props = node.properties.filter(ts.isPropertyAssignment);
      const names = new Set(props.map(propName));
      const message = props.find((p) => propName(p) === 'message');
      if (message && (names.has('code') || names.has('level') || names.has('severity'))) take('table', message.initializer);
      for (const p of props) if (MESSAGE_FIELD.test(propName(p) ?? '')) take('table', p.initializer);
      else if (props.length >= 3 && props.length === node.properties.length && props.every((p) => /^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+$/.test(propName(p) ?? '') && ts.isStringLiteralLike(p.initializer))) {
        for (const p of props) take('table', p.initializer);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Every selected message of one unpacked release, by template. */
function mine(pkg, version) {
  const dist = path.join(pkg, 'dist');
  const files = fs
    .readdirSync(dist, { recursive: true })
    .filter((f) => /\.m?js$/.test(f) && !/(^|\/)control-ui\//.test(f))
    .sort();
  const found = new Map();
  for (const rel of files) {
    const text = fs.readFileSync(path.join(dist, rel), 'utf8');
    for (const m of messagesIn(rel, text)) {
      const template = m.template.replace(/\s+/g, ' ').trim();
      if (found.has(template) || (!SAYS_FAILURE.has(m.kind) && !FAILURE.test(template))) continue;
      const area = areaOf(template);
      if (!area) continue;
      // Chunk names carry a content hash (`status-D4nIo8cT.mjs`): keep the stable part.
      const file = rel.replace(/-[A-Za-z0-9_-]{8}(?=\.m?js$)/, '');
      found.set(template, { template, example: m.example.replace(/\s+/g, ' ').trim(), releases: [version], file, area, kind: m.kind });
    }
  }
  console.error(`openclaw@${version}: ${found.size} templates from ${files.length} files`);
  return found;
}

function readCorpus(file) {
  if (!fs.existsSync(file)) return new Map();
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return new Map(lines.map((l) => JSON.parse(l)).map((e) => [e.template, e]));
}

const opts = parseArgs(process.argv.slice(2));
if (!opts.versions.length) {
  console.error('usage: node scripts/mine-upstream.mjs [--packages DIR] [--out FILE] VERSION…');
  process.exit(2);
}
const packages = opts.packages ? path.resolve(opts.packages) : fs.mkdtempSync(path.join(os.tmpdir(), 'openclaw-mine-'));
const old = readCorpus(opts.out);
const merged = new Map();
for (const version of opts.versions) {
  for (const [template, entry] of mine(unpack(packages, version), version)) {
    const have = merged.get(template);
    if (have) have.releases.push(version);
    else merged.set(template, entry);
  }
}
let kept = 0;
for (const [template, entry] of merged) {
  const before = old.get(template);
  // Labels are a maintainer's reading of the real code: a rerun keeps them.
  entry.expected = before?.expected ?? null;
  if (before?.note) entry.note = before.note;
  if (before?.expected != null) kept++;
}
const order = (e) => `${e.area}\u0000${e.template}`;
const entries = [...merged.values()].sort((a, b) => order(a).localeCompare(order(b)));
fs.mkdirSync(path.dirname(opts.out), { recursive: true });
fs.writeFileSync(opts.out, entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
const gone = [...old.keys()].filter((t) => !merged.has(t)).length;
console.error(`${entries.length} templates written to ${path.relative(process.cwd(), opts.out)}; ${kept} labels kept, ${entries.length - kept} unlabelled, ${gone} no longer found`);
