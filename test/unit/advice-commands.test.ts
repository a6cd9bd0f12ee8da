// Every command the toolkit tells a user to run must exist, with the flags it names: in check fix
// hints and messages, signature details, cause texts and fixes, the README and --help. A command
// of the full OpenClaw CLI is allowed only when marked "(full OpenClaw CLI)" and known to exist there.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { COMMANDS } from '../../src/cli/command-table.js';
import { resolvePaths } from '../../src/config/paths.js';
import { installCommand, reinstallCommand } from '../../src/service/service-paths.js';
import { buildProgram, loadCommands } from '../../src/cli/program.js';
import { isUpstreamCommand, UPSTREAM_SUBCOMMANDS, UPSTREAM_TOP_LEVEL } from '../../src/cli/upstream-commands.js';
import { type AdviceCommand, type BareMention, filesUnder, readmeCodeCommands, scanHelp, scanProse, stringsOf } from '../helpers/advice-commands.js';
import { repoRoot } from '../helpers/cli.js';
import { commandLineProblem, invocations } from '../helpers/command-line.js';

/** Files whose strings name the product or match text, and advise nothing. */
const NOT_ADVICE = new Set([
  'src/cli/upstream-commands.ts', // the pointer names the command it points away from
  'src/engine/reporters/junit.ts', // <testsuite name="openclaw doctor">
  'src/cli/completion.ts', // shell syntax naming the program (`complete -c openclaw -n …`)
  'src/cli/man-page.ts', // roff naming the program (`openclaw \- …`)
]);

let program: Command;
const commands: AdviceCommand[] = [];
const bare: BareMention[] = [];
const commandWords = new Set([...COMMANDS.map((c) => c.name), ...UPSTREAM_TOP_LEVEL, ...Object.keys(UPSTREAM_SUBCOMMANDS), 'setup']);

function prose(text: string, where: string) {
  const r = scanProse(text, where, commandWords);
  commands.push(...r.commands);
  bare.push(...r.bare);
}

function helpTexts(cmd: Command, out: { text: string; where: string }[]) {
  let text = '';
  cmd.configureOutput({ writeOut: (s) => (text += s), writeErr: (s) => (text += s) });
  cmd.outputHelp();
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  out.push({ text, where: `help of ${names.join(' ')}` });
  for (const sub of cmd.commands) helpTexts(sub, out);
}

beforeAll(async () => {
  program = buildProgram(await loadCommands(COMMANDS.map((c) => c.name)));

  // Signatures and causes: structured fix commands, and the prose around them.
  for (const file of filesUnder(repoRoot, 'signatures', /\.ya?ml$/)) {
    const rel = path.relative(repoRoot, file);
    const doc = YAML.parse(fs.readFileSync(file, 'utf8')) as unknown;
    const entries = Array.isArray(doc) ? doc.map((e) => [e.id as string, e] as const) : Object.entries(doc as Record<string, any>);
    for (const [id, entry] of entries) {
      for (const line of entry?.fix?.commands ?? []) {
        const hash = (line as string).search(/\s#\s/);
        commands.push({ text: hash >= 0 ? line.slice(0, hash) : line, where: `${rel} ${id}`, upstream: hash >= 0 && /full OpenClaw CLI/.test(line.slice(hash)) });
      }
      for (const key of ['detail', 'explanation', 'title']) if (typeof entry?.[key] === 'string') prose(entry[key], `${rel} ${id}.${key}`);
    }
  }
  // Strings in checks and source: fix hints, messages, errors, help descriptions.
  for (const dir of ['checks', 'src']) {
    for (const file of filesUnder(repoRoot, dir, /\.tsx?$/)) {
      const rel = path.relative(repoRoot, file);
      if (NOT_ADVICE.has(rel)) continue;
      for (const s of stringsOf(file)) {
        const where = `${rel}:${s.line}`;
        // A string that is all command (a wizard step's `command`, a service's command line).
        if (/^openclaw /.test(s.text) && !s.text.includes('`')) commands.push({ text: s.text, where, upstream: false });
        else if (!/Examples:/.test(s.text)) prose(s.text, where);
        else {
          const r = scanHelp(s.text, where, commandWords);
          commands.push(...r.commands);
          bare.push(...r.bare);
        }
      }
    }
  }
  // The README: shell blocks, and backticked commands in its prose.
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  commands.push(...readmeCodeCommands(readme, 'README.md'));
  prose(readme.replace(/^```[\s\S]*?^```/gm, ''), 'README.md');
  // Every --help page.
  const pages: { text: string; where: string }[] = [];
  helpTexts(program, pages);
  for (const p of pages) {
    const r = scanHelp(p.text, p.where, commandWords);
    commands.push(...r.commands);
    bare.push(...r.bare);
  }
});

describe('advice commands', () => {
  it('finds advice in every kind of source', () => {
    const kinds = ['signatures/', 'checks/', 'src/', 'README.md', 'help of'];
    for (const kind of kinds) expect(commands.some((c) => c.where.startsWith(kind)), kind).toBe(true);
    expect(commands.length).toBeGreaterThan(150);
  });

  it('every --help page ends with examples, each a command of this toolkit', () => {
    const pages: { text: string; where: string }[] = [];
    helpTexts(program, pages);
    expect(pages.length).toBeGreaterThan(60);
    const missing = pages.filter((p) => !/^Examples:\n( {2}openclaw .*\n?)+/m.test(p.text)).map((p) => p.where);
    expect(missing).toEqual([]);
  });

  it("every command of this toolkit's advice parses against the command table, flags included", () => {
    const problems: string[] = [];
    for (const c of commands.filter((c) => !c.upstream)) {
      const found = invocations(c.text);
      if (found.length === 0 && /^openclaw\b/.test(c.text)) problems.push(`${c.where}: \`${c.text}\` could not be read`);
      for (const args of found) {
        const problem = commandLineProblem(program, args, { reference: c.reference });
        if (problem) problems.push(`${c.where}: \`${c.text}\`: ${problem}${isUpstreamCommand(args.filter((a) => !a.startsWith('-'))) ? ' (a full OpenClaw CLI command: mark it "(full OpenClaw CLI)")' : ''}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every command marked as the full OpenClaw CLI exists there and not here', () => {
    const problems: string[] = [];
    for (const c of commands.filter((c) => c.upstream)) {
      for (const args of invocations(c.text)) {
        const words = args.filter((a) => !a.startsWith('-'));
        if (!isUpstreamCommand(words)) problems.push(`${c.where}: \`${c.text}\` is not a known full OpenClaw CLI command`);
        else if (!commandLineProblem(program, args)) problems.push(`${c.where}: \`${c.text}\` works in this toolkit too: do not mark it`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the service install commands it builds parse too, for every way a config can be chosen', () => {
    const lines = [
      installCommand(resolvePaths({ env: {}, homedir: '/home/ana' })),
      reinstallCommand(resolvePaths({ env: {}, homedir: '/home/ana', profile: 'work' })),
      reinstallCommand(resolvePaths({ env: {}, homedir: '/home/ana', dev: true })),
      reinstallCommand(resolvePaths({ env: { OPENCLAW_STATE_DIR: "/srv/o c/it's", OPENCLAW_CONFIG_PATH: '/etc/oc.json', OPENCLAW_HOME: '/h' }, homedir: '/home/ana' })),
    ];
    for (const line of lines) {
      const found = invocations(line);
      expect(found, line).toHaveLength(1);
      expect(commandLineProblem(program, found[0]!), line).toBeUndefined();
    }
  });

  it('commands in prose are in backticks, so they can be copied and checked', () => {
    expect(bare.map((b) => `${b.where}: ${b.text}`)).toEqual([]);
  });
});

describe('the advice parser', () => {
  it('accepts real command lines and refuses made-up ones', () => {
    const ok = (line: string) => invocations(line).map((args) => commandLineProblem(program, args));
    expect(ok('openclaw gateway --force')).toEqual([undefined]);
    expect(ok('openclaw logs --follow')).toEqual([undefined]);
    expect(ok('openclaw config set gateway.auth.token "$(openssl rand -hex 24)"')).toEqual([undefined]);
    expect(ok('openclaw devices approve <requestId>')).toEqual([undefined]);
    expect(ok('openclaw gateway stop && openclaw gateway')).toEqual([undefined, undefined]);
    expect(ok('openclaw doctor [--fix] [--severity-min info|warning|error]')).toEqual([undefined]);
    expect(ok('openclaw logs --tail 100')[0]).toMatch(/unknown option --tail/);
    expect(ok('openclaw models list')[0]).toMatch(/unknown command/);
    expect(ok('openclaw doctor --fixx')[0]).toMatch(/unknown option/);
    expect(ok('openclaw doctor --format yaml')[0]).toMatch(/not one of/);
    expect(ok('openclaw devices approve')[0]).toMatch(/needs 1 argument/);
    expect(ok('openclaw devices list shows all')[0]).toMatch(/takes 0 argument/);
  });
});
