// The `openclaw` command. This file only wires commands; each group lives in commands/<group>.ts.
// Only the command named on the command line is imported (command-table.ts); the others are
// light stubs that `--help` lists and that make an unknown name a usage error, so start-up does
// not load every command's modules. Commands load their heavy modules inside their actions.
import { Command, CommanderError, Help } from 'commander';
import { configureColor } from './color.js';
import { EXIT } from './exit-codes.js';
import { COMMANDS, requestedCommand } from './command-table.js';
import { VERSION } from './version.js';

/** Imports the named top-level commands; the rest of the program is built without them. */
export async function loadCommands(names: readonly (string | undefined)[]): Promise<Map<string, (program: Command) => void>> {
  const wanted = COMMANDS.filter((entry) => names.includes(entry.name));
  const registers = await Promise.all(wanted.map((entry) => entry.load()));
  return new Map(wanted.map((entry, i) => [entry.name, registers[i]!]));
}

export function buildProgram(loaded: ReadonlyMap<string, (program: Command) => void>): Command {
  const program = new Command('openclaw');
  program
    .description('Troubleshooting toolkit for the OpenClaw gateway: doctor, log signatures, and an embedded gateway.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--profile <name>', 'use the state dir ~/.openclaw-<name>')
    .option('--dev', 'use the dev profile (~/.openclaw-dev, port 19001)')
    .option('--no-color', 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--show-secrets', 'print tokens and passwords instead of ***')
    .showHelpAfterError('(run with --help for usage)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .hook('preAction', (_this, actionCommand) => {
      configureColor(actionCommand.optsWithGlobals());
    });
  program.addHelpText(
    'after',
    `
Exit codes: 0 success · 1 check or operation failed · 2 usage error · 78 configuration error that blocks a start`,
  );

  // The stubs show the real command's term (`doctor [options]`) so the listing is unchanged.
  const stubTerms = new WeakMap<Command, string>();
  program.configureHelp({
    subcommandTerm(this: Help, cmd: Command) {
      return stubTerms.get(cmd) ?? Help.prototype.subcommandTerm.call(this, cmd);
    },
  });
  for (const entry of COMMANDS) {
    const registerReal = loaded.get(entry.name);
    if (registerReal) registerReal(program);
    else stubTerms.set(program.command(entry.name).description(entry.summary), entry.term);
  }
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram(await loadCommands([requestedCommand(argv.slice(2))]));
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.OK;
      // Commander has already printed the message; usage errors all map to 2.
      return EXIT.USAGE;
    }
    throw err;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : EXIT.OK;
}

// A reader that stops early (`openclaw --help | head`) closes the pipe: that is the reader's choice,
// not a failure to report with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

/**
 * Ends the process once the command has finished and its output has left. Commands await all their
 * work (a running gateway or `--follow` resolves only when stopped), so what is left then is
 * teardown: the probe's WebSocket close handshake, a refused socket being reaped. Waiting for it
 * cost `doctor` 6-15 ms after its report was printed.
 */
function exitWhenFlushed(code: number): void {
  const pending = [process.stdout, process.stderr].filter((s) => s.writableLength > 0);
  if (pending.length === 0) process.exit(code);
  let left = pending.length;
  for (const s of pending) s.once('drain', () => --left === 0 && process.exit(code));
}

main(process.argv).then(exitWhenFlushed, (err) => {
  process.stderr.write(`error: ${(err as Error)?.message ?? String(err)}\n`);
  exitWhenFlushed(EXIT.FAILED);
});
