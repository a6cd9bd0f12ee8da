// `openclaw logs [--follow] [--limit N] [--json] [--plain]`: the gateway log, read from
// <stateDir>/logs/openclaw-YYYY-MM-DD.log, or through the logs.tail RPC with --rpc/--url.
// register() returns the `logs` command so other modules can add subcommands (logs scan).
import type { Command } from 'commander';
import { addClientOptions } from '../../client/cli-options.js';
import { contextFor } from '../context.js';
import { rejectUnknownSubcommands, showDefaultSubcommandOptions } from '../default-subcommand.js';
import { action } from '../run-action.js';
import type { LogsFlags } from './logs-tail.js';
import { t } from '../../i18n/index.js';


export function register(program: Command): Command {
  // `tail` is the default subcommand (`openclaw logs --follow`); the parent has no options of its own
  // so `openclaw logs scan --json` reaches `scan`.
  const logs = program.command('logs').description(t('cli.command.logs.summary'));
  const tail = addClientOptions(logs.command('tail', { isDefault: true }))
    .description(t('cli.logs.tail.summary'))
    .option('-f, --follow', t('cli.logs.tail.option.follow'))
    .option('-n, --limit <n>', t('cli.logs.tail.option.limit'), '200')
    .option('--plain', t('cli.logs.tail.option.plain'))
    .option('--rpc', t('cli.logs.tail.option.rpc'))
    .option('--file <path>', t('cli.logs.tail.option.file'))
    .option('--interval <ms>', t('cli.logs.tail.option.interval'), '500')
    .action(
      action(async (flags: LogsFlags, cmd: Command) => {
        const { tailLogs } = await import('./logs-tail.js');
        return tailLogs(contextFor(cmd), flags, cmd);
      }),
    );
  showDefaultSubcommandOptions(logs, tail);
  rejectUnknownSubcommands(logs, tail);
  return logs;
}
