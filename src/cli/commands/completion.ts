// `openclaw completion bash|zsh|fish`: prints a completion script generated from the program itself.
// The command table marks this command `describesAll`, so every command is registered for real
// when it runs and the script lists their subcommands and options as the CLI parses them.
import { Argument, type Command } from 'commander';
import { commandTree } from '../command-tree.js';
import { completionScript, SHELLS, type Shell } from '../completion.js';
import { action } from '../run-action.js';
import { t } from '../../i18n/index.js';

export function register(program: Command): void {
  program
    .command('completion')
    .description(t('cli.command.completion.summary'))
    .addArgument(new Argument('<shell>', t('cli.completion.arg.shell')).choices(SHELLS))
    .action(
      action((shell: Shell, _flags: unknown, cmd: Command) => {
        process.stdout.write(completionScript(shell, commandTree(cmd.parent!)));
      }),
    );
}
