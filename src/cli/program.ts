// The `openclaw` program: global options, help, and the command table's entries (real or stubs).
// Building it has no side effects, so tests, the completion scripts and the man page
// (scripts/man-page.mjs) can build the whole tree.
import { Command, Help } from 'commander';
import { configureColor } from '../color.js';
import { resolveLocale, setLocale, t, UnknownLocaleError } from '../i18n/index.js';
import { CliError, EXIT } from './exit-codes.js';
import { COMMANDS, commandSummary } from './command-table.js';
import { commanderError, helpText } from './commander-text.js';
import { addExamples } from './help-examples.js';
import { versionText } from './version.js';

/** The commands to import for the one named: itself, or every command for one that describes them all (completion). */
export function commandsToLoad(requested: string | undefined): (string | undefined)[] {
  return COMMANDS.find((entry) => entry.name === requested)?.describesAll ? COMMANDS.map((entry) => entry.name) : [requested];
}

/** Imports the named top-level commands; the rest of the program is built without them. */
export async function loadCommands(names: readonly (string | undefined)[]): Promise<Map<string, (program: Command) => void>> {
  const wanted = COMMANDS.filter((entry) => names.includes(entry.name));
  const registers = await Promise.all(wanted.map((entry) => entry.load()));
  return new Map(wanted.map((entry, i) => [entry.name, registers[i]!]));
}

/**
 * The language of the help, set before the program is built (its summaries are built with it):
 * `--lang` on the command line, else the environment. A `--lang` it does not speak is left to the
 * preAction hook, which reports it as a usage error.
 */
export function useLocaleOfArgs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  const end = args.indexOf('--');
  const at = args.findIndex((a, i) => (end < 0 || i < end) && (a === '--lang' || a.startsWith('--lang=')));
  const flag = at < 0 ? undefined : args[at] === '--lang' ? args[at + 1] : args[at].slice('--lang='.length);
  try {
    setLocale(resolveLocale(flag, env));
  } catch {
    setLocale(resolveLocale(undefined, env));
  }
}

/** The language every message speaks from here on: `--lang`, else the environment's. */
function useLocale(flag: string | undefined): void {
  try {
    setLocale(resolveLocale(flag, process.env));
  } catch (err) {
    if (err instanceof UnknownLocaleError) throw new CliError(`--lang: ${err.message}`, EXIT.USAGE);
    throw err;
  }
}

/**
 * `stubs: false` leaves out the commands that were not loaded: they only serve the top-level help
 * and the suggestion for an unknown name, and building them costs every command's start ~1 ms.
 */
export function buildProgram(loaded: ReadonlyMap<string, (program: Command) => void>, { stubs = true }: { stubs?: boolean } = {}): Command {
  const program = new Command('openclaw');
  program
    .description(t('cli.program.description'))
    .version(versionText(), '-V, --version', t('cli.program.option.version'))
    .option('--profile <name>', t('cli.program.option.profile'))
    .option('--dev', t('cli.program.option.dev'))
    .option('--no-color', t('cli.program.option.no-color'))
    .option('--show-secrets', t('cli.program.option.show-secrets'))
    .option('--lang <language>', t('cli.program.option.lang'))
    // Set here, before any subcommand exists, so every subcommand inherits them (commander copies them on creation).
    .helpOption('-h, --help', t('cli.help.display-help'))
    .helpCommand('help [command]', t('cli.help.display-help'))
    .showHelpAfterError(t('cli.program.help-after-error'))
    .showSuggestionAfterError(true)
    // Commander's usage errors in the active locale and the one error style: `error: …`, then the next steps indented.
    .configureOutput({ outputError: (text, write) => write(commanderError(text)) })
    .exitOverride()
    .hook('preAction', (_this, actionCommand) => {
      const opts = actionCommand.optsWithGlobals();
      configureColor(opts);
      useLocale(opts.lang);
    });
  program.addHelpText('after', `\n${t('cli.program.exit-codes')}`);
  addExamples(program, false);

  // The stubs show the real command's term (`doctor [options]`) so the listing is unchanged.
  const stubTerms = new WeakMap<Command, string>();
  program.configureHelp({
    ...helpText,
    subcommandTerm(this: Help, cmd: Command) {
      return stubTerms.get(cmd) ?? Help.prototype.subcommandTerm.call(this, cmd);
    },
  });
  for (const entry of COMMANDS) {
    const registerReal = loaded.get(entry.name);
    if (registerReal) registerReal(program);
    else if (stubs) stubTerms.set(program.command(entry.name).description(commandSummary(entry.name)), entry.term);
  }
  // Stubs print no help of their own (the real command loads for --help); the real ones get examples.
  for (const cmd of program.commands) if (!stubTerms.has(cmd)) addExamples(cmd);
  return program;
}
