// `openclaw gateway [run]` starts the embedded gateway; `gateway status|probe|stop|restart` inspect
// and control a running one. The runtime and client load only inside the actions.
import { Command } from 'commander';
import { addClientOptions, type ClientFlags } from '../../client/cli-options.js';
import { contextFor } from '../context.js';
import { rejectUnknownSubcommands, showDefaultSubcommandOptions } from '../default-subcommand.js';
import { CliError } from '../exit-codes.js';
import { action } from '../run-action.js';
import { VERSION } from '../version.js';
import { t } from '../../i18n/index.js';

interface RunFlags {
  port?: string;
  bind?: string;
  auth?: string;
  token?: string;
  password?: string;
  allowUnconfigured?: boolean;
  force?: boolean;
  verbose?: boolean;
}

function addRunOptions(cmd: Command): Command {
  return cmd
    .option('--port <port>', t('cli.gateway.run.option.port'))
    .option('--bind <mode>', 'loopback | lan | tailnet | custom | auto')
    .option('--auth <mode>', 'none | token | password | trusted-proxy')
    .option('--token <token>', t('cli.gateway.run.option.token'))
    .option('--password <password>', t('cli.gateway.run.option.password'))
    .option('--allow-unconfigured', t('cli.gateway.run.option.allow-unconfigured'))
    .option('--force', t('cli.gateway.run.option.force'))
    .option('--verbose', t('cli.gateway.run.option.verbose'));
}

/**
 * The `gateway` command and its subcommands share --token/--password; commander hands them to the
 * parent, so every action reads its flags merged with the parent's (its own win).
 */
function flagsOf<T>(cmd: Command): T {
  return cmd.optsWithGlobals() as T;
}

async function run(_flags: RunFlags, cmd: Command): Promise<number> {
  const ctx = contextFor(cmd);
  const flags = flagsOf<RunFlags>(cmd);
  const { runGateway, StartFailedError } = await import('../../gateway/run.js');
  try {
    return await runGateway(ctx.paths, { ...flags, dev: Boolean(ctx.global.dev), version: VERSION });
  } catch (err) {
    if (err instanceof StartFailedError) throw new CliError(err.message, err.exitCode as 1 | 78, err.hint);
    throw err;
  }
}

export function register(program: Command): Command {
  // `run` is the default subcommand, so `openclaw gateway --port N` runs the gateway while the parent
  // itself has no options that could swallow a subcommand's (`gateway install --port N`).
  const gateway = program
    .command('gateway')
    .description(t('cli.command.gateway.summary'));

  const runCommand = addRunOptions(gateway.command('run', { isDefault: true }))
    .description(t('cli.gateway.run.summary'))
    .action(action((flags: RunFlags, cmd: Command) => run(flags, cmd)));
  showDefaultSubcommandOptions(gateway, runCommand);
  rejectUnknownSubcommands(gateway, runCommand);

  addClientOptions(gateway.command('status'), 3000)
    .description(t('cli.gateway.status.summary'))
    .option('--deep', t('cli.gateway.status.option.deep'))
    .option('--require-rpc', t('cli.gateway.status.option.require-rpc'))
    .action(
      action(async (_flags: unknown, cmd: Command) => {
        const ctx = contextFor(cmd);
        const flags = flagsOf<{ deep?: boolean }>(cmd);
        const [{ gatewayStatus }, { serviceStatus }] = await Promise.all([import('./gateway-status.js'), import('./gateway-service.js')]);
        return gatewayStatus(ctx, flags, await serviceStatus(ctx, Boolean(flags.deep)));
      }),
    );

  addClientOptions(gateway.command('probe'), 10_000)
    .description(t('cli.gateway.probe.summary'))
    .action(
      action(async (_flags: unknown, cmd: Command) => {
        const { gatewayProbe } = await import('./gateway-status.js');
        return gatewayProbe(contextFor(cmd), flagsOf<ClientFlags>(cmd));
      }),
    );

  gateway
    .command('stop')
    .description(t('cli.gateway.stop.summary'))
    .option('--json', t('cli.common.option.json-short'))
    .option('--timeout <ms>', t('cli.gateway.stop.option.timeout'), '10000')
    .action(
      action(async (flags: { json?: boolean; timeout?: string }, cmd: Command) => {
        const ctx = contextFor(cmd);
        const svc = await import('./gateway-service.js');
        if (await svc.serviceManaged(ctx)) return svc.stopService(ctx, flags);
        const { gatewayStop } = await import('./gateway-process.js');
        return gatewayStop(ctx, flags);
      }),
    );

  gateway
    .command('restart')
    .description(t('cli.gateway.restart.summary'))
    .option('--json', t('cli.common.option.json-short'))
    .option('--timeout <ms>', t('cli.gateway.restart.option.timeout'), '10000')
    .action(
      action(async (flags: { json?: boolean; timeout?: string }, cmd: Command) => {
        const ctx = contextFor(cmd);
        const svc = await import('./gateway-service.js');
        if (await svc.serviceManaged(ctx)) return svc.restartService(ctx, flags);
        const { gatewayRestart } = await import('./gateway-process.js');
        return gatewayRestart(ctx, flags);
      }),
    );
  return gateway;
}
