// `openclaw health`: connect and call the health RPC.
import type { Command } from 'commander';
import { addClientOptions } from '../../client/cli-options.js';
import { action } from '../run-action.js';
import { t } from '../../i18n/index.js';

export function register(program: Command): Command {
  return addClientOptions(program.command('health'))
    .description(t('cli.command.health.summary'))
    .action(
      action(async (_flags: unknown, cmd: Command) => {
        const { runRpc, println } = await import('../rpc-command.js');
        return runRpc(cmd, 'health', {}, (h) => {
          // Fields differ between our gateway and upstream's; print what is there.
          const facts = [h.version && `version ${h.version}`, h.pid && `pid ${h.pid}`, typeof h.uptimeMs === 'number' && `up ${Math.round(h.uptimeMs / 1000)}s`].filter(Boolean);
          println(`Gateway: ${h.ok ? 'healthy' : 'unhealthy'}${facts.length ? ` (${facts.join(', ')})` : ''}`);
          if (h.gateway) println(`  port ${h.gateway.port}, bind ${h.gateway.bind}, auth ${h.gateway.authMode}, ${h.connections} connection(s)`);
        });
      }),
    );
}
