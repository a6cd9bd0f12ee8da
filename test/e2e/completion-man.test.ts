// The shell around the CLI: completion scripts asked for completions by a real bash, the man page
// rendered by groff/man, both checked against the program the CLI actually parses (every command
// loaded), so a command or option added without them would fail here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, commandSummary } from '../../src/cli/command-table.js';
import { commandTree, walk, type CommandNode } from '../../src/cli/command-tree.js';
import { buildProgram, loadCommands } from '../../src/cli/program.js';
import { runCli } from '../helpers/cli-sync.js';

let dir: string;
let tree: CommandNode;
const env = () => ({ PATH: process.env.PATH, HOME: dir, NO_COLOR: '1', OPENCLAW_STATE_DIR: path.join(dir, 'state') });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'completion-man-'));
  tree = commandTree(buildProgram(await loadCommands(COMMANDS.map((e) => e.name))));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function script(shell: string): string {
  const r = runCli(['completion', shell], env());
  expect(r.code, r.stderr).toBe(0);
  const file = path.join(dir, `openclaw.${shell}`);
  fs.writeFileSync(file, r.stdout);
  return file;
}

/** Sources the bash completion in a real bash and asks it to complete `openclaw <words>` (the last word is the one under the cursor). */
function bashComplete(file: string, words: string[]): string[] {
  const all = ['openclaw', ...words];
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const program = `source ${q(file)}; COMP_WORDS=(${all.map(q).join(' ')}); COMP_CWORD=${all.length - 1}; COMP_LINE=${q(all.join(' '))}; _openclaw; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', program], { encoding: 'utf8', timeout: 10_000 });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

const node = (...p: string[]) => walk(tree).find((n) => n.path.join(' ') === p.join(' '))!;
const flagsOf = (n: CommandNode) => n.options.flatMap((o) => [o.long, o.short].filter(Boolean) as string[]);

describe('openclaw completion bash', () => {
  it('parses, and offers every command of the command table (completion included)', () => {
    const file = script('bash');
    expect(spawnSync('bash', ['-n', file], { timeout: 10_000 }).status).toBe(0);
    const offered = bashComplete(file, ['']);
    expect(offered.sort()).toEqual(COMMANDS.map((e) => e.name).sort());
    expect(offered).toContain('completion');
  });

  it('offers each group’s real subcommands and each command’s real options', () => {
    const file = script('bash');
    for (const n of walk(tree).filter((n) => n.path.length > 0)) {
      if (n.commands.length) expect(bashComplete(file, [...n.path, '']).sort(), n.path.join(' ')).toEqual(n.commands.map((c) => c.name).sort());
      expect(bashComplete(file, [...n.path, '-']).sort(), n.path.join(' ')).toEqual(flagsOf(n).sort());
    }
  });

  it('completes a prefix, choices after an option that has them, and skips option values on the way', () => {
    const file = script('bash');
    expect(bashComplete(file, ['do'])).toEqual(['doctor']);
    expect(bashComplete(file, ['doctor', '--js'])).toEqual(['--json']);
    expect(bashComplete(file, ['doctor', '--format', '']).sort()).toEqual(['human', 'json', 'junit', 'prometheus', 'sarif']);
    expect(bashComplete(file, ['doctor', '--severity-min', 'w'])).toEqual(['warning']);
    // `--profile work` is an option and its value: `gateway` after it is still the command.
    expect(bashComplete(file, ['--profile', 'gateway', 'gateway', 'inst'])).toEqual(['install']);
    expect(bashComplete(file, ['--no-color', 'logs', ''])).toEqual(expect.arrayContaining(['tail', 'scan']));
    expect(bashComplete(file, ['completion', '']).sort()).toEqual(['bash', 'fish', 'zsh']); // an argument's choices
  });
});

describe('openclaw completion zsh and fish', () => {
  // Neither shell is installed on this machine: the checks are bash's parser (the zsh script uses
  // only syntax both share) and the structure of the output against the program.
  it('zsh: parses, declares itself for openclaw, and lists every command with its summary', () => {
    const file = script('zsh');
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('#compdef openclaw\n')).toBe(true);
    expect(spawnSync('bash', ['-n', file], { timeout: 10_000 }).status).toBe(0);
    for (const e of COMMANDS) expect(text).toContain(`'${e.name}:${commandSummary(e.name).replace(/'/g, `'\\''`)}'`);
    for (const n of walk(tree)) expect(text).toContain(`    '${n.path.join(' ')}')\n`);
  });

  it('fish: blocks are balanced and every command and option has a complete line under its path', () => {
    const text = fs.readFileSync(script('fish'), 'utf8');
    let depth = 0;
    for (const l of text.split('\n').map((s) => s.trim())) {
      if (/^(function|switch|for|if|while|begin)\b/.test(l)) depth++;
      if (l === 'end') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    for (const e of COMMANDS) expect(text).toContain(`complete -c openclaw -n '__openclaw_at \\'\\'' -f -a '${e.name}'`);
    for (const o of node('doctor').options) if (o.long) expect(text).toContain(`complete -c openclaw -n '__openclaw_at \\'doctor\\'' -l '${o.long.slice(2)}'`);
  });

  it('an unknown shell is a usage error', () => {
    const r = runCli(['completion', 'tcsh'], env());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bash, zsh, fish');
  });
});

describe('man/openclaw.1 (built by npm run build)', () => {
  const page = path.resolve('man/openclaw.1');

  it('is valid roff: groff with all warnings on says nothing', () => {
    const r = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-z', page], { encoding: 'utf8', timeout: 10_000 });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('man renders it with a subsection for every command and subcommand and every doctor option', () => {
    const r = spawnSync('man', ['-l', page], { encoding: 'utf8', timeout: 10_000, env: { ...process.env, MANWIDTH: '200', MANPAGER: 'cat', PAGER: 'cat' } });
    expect(r.status, r.stderr).toBe(0);
    const text = r.stdout.replace(/.\x08/g, ''); // overstrike bold, if the pager left it
    expect(text).toContain('OPENCLAW(1)');
    for (const n of walk(tree).slice(1)) expect(text).toMatch(new RegExp(`^ {3}openclaw ${n.path.join(' ')}\\b`, 'm'));
    for (const o of node('doctor').options) expect(text).toContain(o.flags);
  });

  it('is the package’s man page and npm pack ships it', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    expect(pkg.man).toEqual(['./man/openclaw.1']);
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const files = JSON.parse(r.stdout)[0].files.map((f: { path: string }) => f.path);
    expect(files).toContain('man/openclaw.1');
  });
});
