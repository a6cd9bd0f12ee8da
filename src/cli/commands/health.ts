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
          const facts = [
            h.version && t('cli.health.version', { version: h.version }),
            h.pid && t('cli.health.pid', { pid: h.pid }),
            typeof h.uptimeMs === 'number' && t('cli.health.uptime', { seconds: Math.round(h.uptimeMs / 1000) }),
          ].filter(Boolean);
          println(t('cli.health.head', { ok: Boolean(h.ok), hasFacts: facts.length > 0, facts: facts.join(t('cli.health.separator')) }));
          if (h.gateway) println(t('cli.health.gateway', { port: h.gateway.port, bind: h.gateway.bind, auth: h.gateway.authMode, connections: h.connections }));
        });
      }),
    );
}
