// Parses an `openclaw …` command line, as advice writes it, against the real commander tree:
// subcommands, options (with their values), argument counts. Advice notation is understood:
// <placeholder>, UPPERCASE placeholders, [optional] parts, a|b alternatives, `…`.
import type { Command, Option } from 'commander';
import { parse } from 'shell-quote';

/** The argument lists of the `openclaw` invocations in a shell line (`a && openclaw b; openclaw c`). */
export function invocations(line: string): string[][] {
  const normalised = line
    .replace(/\s+/g, ' ')
    .replace(/\[(?:options|command)\]/g, '')
    .replace(/(?<=\S)<x>/g, '') // an interpolation glued to a word adds an optional part to it
    .replace(/<[^<>]+>/g, 'PLACEHOLDER')
    .replace(/(?<=\S)\|(?=\S)[^\s\]]*/g, '') // a|b|c alternatives: keep the first
    .replace(/\$\(([^)]*)\)/g, 'SUBSTITUTION');
  const tokens = parse(normalised, (name) => `$${name}`);
  const out: string[][] = [];
  let current: string[] | undefined;
  let atStart = true;
  for (const t of tokens) {
    if (typeof t !== 'string') {
      current = undefined;
      atStart = true;
      continue;
    }
    if (atStart && /^[A-Z_][A-Z0-9_]*=/.test(t)) continue; // VAR=value prefix
    if (atStart && t === 'npx') continue;
    if (atStart && t === 'openclaw') {
      current = [];
      out.push(current);
    } else if (current) current.push(t.replace(/^\[+|\]+$/g, ''));
    atStart = false;
  }
  return out.map((args) => args.filter((a) => a !== ''));
}

const isPlaceholder = (word: string) => word === 'PLACEHOLDER' || word === 'SUBSTITUTION' || word === '…' || /^[A-Z][A-Z0-9_]*(\.\.\.)?$/.test(word) || word.endsWith('...');

function findOption(cmd: Command, name: string): Option | undefined {
  for (let c: Command | null = cmd; c; c = c.parent) {
    const opt = c.options.find((o) => o.long === name || o.short === name);
    if (opt) return opt;
  }
  return undefined;
}

const subcommand = (cmd: Command, name: string) => cmd.commands.find((c) => c.name() === name || c.aliases().includes(name));
const defaultSubcommand = (cmd: Command) => {
  const name = (cmd as unknown as { _defaultCommandName?: string })._defaultCommandName;
  return name ? subcommand(cmd, name) : undefined;
};

/**
 * Why `args` (after `openclaw`) is not a valid command line of `program`, or undefined when it is.
 * A `reference` (a command named in prose, "change it with `openclaw config set`") may leave out
 * its arguments and subcommand; a runnable line may not.
 */
export function commandLineProblem(program: Command, args: readonly string[], opts: { reference?: boolean } = {}): string | undefined {
  let cmd = program;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') return undefined;
    if (arg.startsWith('-') && arg !== '-' && !/^-\d/.test(arg)) {
      const [name, inline] = arg.split(/=(.*)/s) as [string, string | undefined];
      let opt = findOption(cmd, name);
      const fallback = opt ? undefined : defaultSubcommand(cmd);
      if (!opt && fallback && positional.length === 0) {
        cmd = fallback;
        opt = findOption(cmd, name);
      }
      if (!opt) return `unknown option ${name} for \`${fullName(cmd)}\``;
      if ((opt.required || opt.optional) && inline === undefined) {
        const value = args[i + 1];
        if (opt.required && value === undefined) return `option ${name} needs a value`;
        if (value !== undefined && (opt.required || !value.startsWith('-'))) {
          if (opt.argChoices && !isPlaceholder(value) && !opt.argChoices.includes(value)) return `${name} ${value}: not one of ${opt.argChoices.join(', ')}`;
          i++;
        }
      }
      continue;
    }
    // A placeholder where a subcommand goes (`openclaw <group> [options]`) cannot be checked further.
    if (isPlaceholder(arg) && positional.length === 0 && cmd.commands.length > 0) return undefined;
    const sub = positional.length === 0 ? subcommand(cmd, arg) : undefined;
    if (sub) {
      cmd = sub;
      continue;
    }
    if (cmd.commands.length > 0 && positional.length === 0) {
      const fallback = defaultSubcommand(cmd);
      if (!fallback) return `unknown command \`${fullName(cmd)} ${arg}\``;
      cmd = fallback;
    }
    positional.push(arg);
  }
  if (cmd.commands.length > 0 && !defaultSubcommand(cmd) && cmd !== program && !opts.reference) return `\`${fullName(cmd)}\` needs a subcommand (${cmd.commands.map((c) => c.name()).join(', ')})`;
  const declared = cmd.registeredArguments;
  const required = declared.filter((a) => a.required).length;
  const variadic = declared.some((a) => a.variadic);
  if (positional.length < required && !opts.reference) return `\`${fullName(cmd)}\` needs ${required} argument(s), got ${positional.length}`;
  if (!variadic && positional.length > declared.length) return `\`${fullName(cmd)}\` takes ${declared.length} argument(s), got ${positional.length}: ${positional.join(' ')}`;
  for (const opt of opts.reference ? [] : cmd.options) {
    if (opt.mandatory && !args.some((a) => a === opt.long || a.startsWith(`${opt.long}=`) || a === opt.short)) return `\`${fullName(cmd)}\` needs ${opt.long}`;
  }
  return undefined;
}

function fullName(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
