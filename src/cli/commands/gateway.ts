// `openclaw gateway [run]` starts the embedded gateway; `gateway status|probe|stop|restart` inspect
// and control a running one. The runtime and client load only inside the actions.
import { Command } from 'commander';
import { addClientOptions, type ClientFlags } from '../../client/cli-options.js';
import { contextFor } from '../context.js';
import { showDefaultSubcommandOptions } from '../default-subcommand-help.js';
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
    .option('--port <port>', 'port for HTTP and WebSocket (default: OPENCLAW_GATEWAY_PORT, gateway.port, 18789)')
    .option('--bind <mode>', 'loopback | lan | tailnet | custom | auto')
    .option('--auth <mode>', 'none | token | password | trusted-proxy')
    .option('--token <token>', 'shared token (overrides gateway.auth.token)')
    .option('--password <password>', 'shared password (overrides gateway.auth.password)')
    .option('--allow-unconfigured', 'start without gateway.mode=local')
    .option('--force', 'stop whatever listens on the port first (SIGTERM, then SIGKILL)')
    .option('--verbose', 'print debug lines (handshakes, requests) to the console');
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
    .description('run the gateway in the foreground (the default: `openclaw gateway [options]`)')
    .action(action((flags: RunFlags, cmd: Command) => run(flags, cmd)));
  showDefaultSubcommandOptions(gateway, runCommand);

  addClientOptions(gateway.command('status'), 3000)
    .description('is it running (lock pid), does it answer (RPC probe), and where its settings came from')
    .option('--deep', 'also list the processes listening on the port, call status, and look for other gateway-like services')
    .option('--require-rpc', 'exit 1 unless the RPC probe succeeds')
    .action(
      action(async (_flags: unknown, cmd: Command) => {
        const ctx = contextFor(cmd);
        const flags = flagsOf<{ deep?: boolean }>(cmd);
        const [{ gatewayStatus }, { serviceStatus }] = await Promise.all([import('./gateway-status.js'), import('./gateway-service.js')]);
        return gatewayStatus(ctx, flags, await serviceStatus(ctx, Boolean(flags.deep)));
      }),
    );

  addClientOptions(gateway.command('probe'), 10_000)
    .description('connect, call health, status, system-presence and config.get, and report')
    .action(
      action(async (_flags: unknown, cmd: Command) => {
        const { gatewayProbe } = await import('./gateway-status.js');
        return gatewayProbe(contextFor(cmd), flagsOf<ClientFlags>(cmd));
      }),
    );

  gateway
    .command('stop')
    .description('stop the gateway: through its service manager when a service is installed and usable, else the lock\'s pid (SIGTERM, then SIGKILL after --timeout)')
    .option('--json', 'print JSON')
    .option('--timeout <ms>', 'how long to wait before SIGKILL', '10000')
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
    .description('restart the gateway: through its service manager when a service is installed and usable, else stop the lock\'s pid and start it again in the background with the same arguments')
    .option('--json', 'print JSON')
    .option('--timeout <ms>', 'how long to wait for stop and for the new one to listen', '10000')
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
