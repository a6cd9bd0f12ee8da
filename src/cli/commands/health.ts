// `openclaw health`: connect and call the health RPC.
import type { Command } from 'commander';
import { addClientOptions } from '../../client/cli-options.js';
import { action } from '../run-action.js';

export function register(program: Command): Command {
  return addClientOptions(program.command('health'))
    .description("ask the running gateway whether it is healthy (the health RPC)")
    .action(
      action(async (_flags: unknown, cmd: Command) => {
        const { runRpc, println } = await import('../../client/rpc-command.js');
        return runRpc(cmd, 'health', {}, (h) => {
          println(`Gateway: ${h.ok ? 'healthy' : 'unhealthy'} (version ${h.version}, pid ${h.pid}, up ${Math.round(h.uptimeMs / 1000)}s)`);
          if (h.gateway) println(`  port ${h.gateway.port}, bind ${h.gateway.bind}, auth ${h.gateway.authMode}, ${h.connections} connection(s)`);
        });
      }),
    );
}
