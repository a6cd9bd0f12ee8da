// The program as data: every visible command, its options and arguments, read from commander's
// own registrations (with every command loaded, program.ts). The completion scripts and the man
// page are generated from this one description, so neither can drift from what the CLI parses.
import { Help, type Command, type Option } from 'commander';

export interface OptionNode {
  /** As commander shows it, e.g. `--only <ids>`, `-V, --version`. */
  flags: string;
  long?: string;
  short?: string;
  description: string;
  takesValue: boolean;
  /** The values a `.choices()` option accepts. */
  choices?: string[];
}

export interface CommandNode {
  name: string;
  /** Words from the program to here, e.g. ['gateway', 'install']. */
  path: string[];
  description: string;
  /** The help term's arguments, e.g. `<shell>`, `[text...]`. */
  usage: string;
  /** The values its arguments accept, when they are `.choices()` (e.g. bash, zsh, fish). */
  argValues: string[];
  options: OptionNode[];
  commands: CommandNode[];
}

const help = new Help();

function optionNode(o: Option): OptionNode {
  return {
    flags: o.flags,
    long: o.long,
    short: o.short,
    description: o.description,
    takesValue: o.required || o.optional,
    choices: o.argChoices?.length ? [...o.argChoices] : undefined,
  };
}

function node(cmd: Command, parent: string[]): CommandNode {
  const path = cmd.parent ? [...parent, cmd.name()] : [];
  return {
    name: cmd.name(),
    path,
    description: cmd.description(),
    usage: cmd.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`)).join(' '),
    argValues: cmd.registeredArguments.flatMap((a) => a.argChoices ?? []),
    // Help lists what a user may type: hidden options and commands stay out, help and version stay in.
    options: help.visibleOptions(cmd).map(optionNode),
    commands: help.visibleCommands(cmd).filter((c) => c.name() !== 'help').map((c) => node(c, path)),
  };
}

export function commandTree(program: Command): CommandNode {
  return node(program, []);
}

/** Every node, the program first, parents before children. */
export function walk(root: CommandNode): CommandNode[] {
  return [root, ...root.commands.flatMap(walk)];
}
