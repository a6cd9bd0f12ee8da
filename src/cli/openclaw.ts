// The `openclaw` command. This file only wires commands; each group lives in commands/<group>.ts.
// Only the command named on the command line is imported (command-table.ts); the others are
// light stubs that `--help` lists and that make an unknown name a usage error, so start-up does
// not load every command's modules. Commands load their heavy modules inside their actions.
import { type Command, CommanderError } from 'commander';
import { CliError, EXIT } from './exit-codes.js';
import { commandPath, requestedCommand } from './command-table.js';
import { buildProgram, commandsToLoad, loadCommands, useLocaleOfArgs } from './program.js';
import { upstreamPointer } from './upstream-commands.js';

/** Prints an error raised outside any command's action in the one style (run-action.ts). */
async function report(err: unknown, argv: string[]): Promise<number> {
  return (await import('./run-action.js')).reportError(err, argv.includes('--json'));
}

/** The registered command at a path of names or aliases, e.g. ["gateway", "status"]. */
function findCommand(program: Command, path: readonly string[]): Command | undefined {
  let cmd: Command | undefined = program;
  for (const name of path) cmd = cmd?.commands.find((c) => c.name() === name || c.aliases().includes(name));
  return cmd;
}

export async function main(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  useLocaleOfArgs(args);
  const requested = requestedCommand(args);
  const loaded = await loadCommands(commandsToLoad(requested));
  // The other commands are needed only to list them in help or to suggest one for a wrong name.
  const wantsHelp = args.some((a) => a === '-h' || a === '--help' || a === 'help');
  const program = buildProgram(loaded, { stubs: wantsHelp || requested === undefined || !loaded.has(requested) });
  const pointer = upstreamPointer(commandPath(argv.slice(2)), (path) => findCommand(program, path) !== undefined);
  if (pointer) {
    // On a terminal the pointer is advice, one bare line; --json gets it in the one error shape.
    if (argv.includes('--json')) return report(new CliError(pointer, EXIT.USAGE), argv);
    process.stderr.write(`${pointer}\n`);
    return EXIT.USAGE;
  }
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.OK;
      // Commander has already printed the message; usage errors all map to 2.
      return EXIT.USAGE;
    }
    // A global option's error (`--lang fr`), raised before any command's action runs; or a bug.
    return report(err, argv);
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

main(process.argv).then(exitWhenFlushed, (err) => report(err, process.argv).then(exitWhenFlushed));
