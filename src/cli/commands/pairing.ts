// `openclaw pairing list|approve`: the pairing queue. Plain, it is the gateway's device pairing
// (device.pair.list / device.pair.approve). With `--channel <ch>` it is a channel's DM pairing store
// (<stateDir>/credentials/<ch>-pairing.json): senders who messaged a `dmPolicy: pairing` account.
import type { Command } from 'commander';
import { addClientOptions } from '../../client/cli-options.js';
import { action } from '../run-action.js';
import { t } from '../../i18n/index.js';

export function register(program: Command): Command {
  const pairing = program.command('pairing').description(t('cli.command.pairing.summary'));
  addClientOptions(pairing.command('list'))
    .description(t('cli.pairing.list.summary'))
    .option('--channel <channel>', t('cli.pairing.option.channel'))
    .option('--account <id>', t('cli.pairing.list.option.account'))
    .action(
      action(async (f: { channel?: string; account?: string; json?: boolean }, cmd: Command) => {
        const { runRpc, println } = await import('../rpc-command.js');
        if (f.channel) {
          const { listChannelPairing } = await import('./channel-pairing.js');
          return listChannelPairing(cmd, f.channel, f.account, Boolean(f.json));
        }
        return runRpc(cmd, 'device.pair.list', {}, (p) => {
          const pending = p.pending ?? [];
          if (!pending.length) println(t('cli.pairing.none'));
          for (const r of pending) {
            println(t('cli.pairing.line', { id: r.requestId, device: r.deviceId.slice(0, 16), client: r.clientId ?? '', role: r.role, reason: r.reason, ip: r.remoteIp ?? '?' }));
          }
        });
      }),
    );
  addClientOptions(pairing.command('approve <requestIdOrCode>'))
    .description(t('cli.pairing.approve.summary'))
    .option('--channel <channel>', t('cli.pairing.option.channel'))
    .option('--account <id>', t('cli.pairing.approve.option.account'))
    .action(
      action(async (requestId: string, f: { channel?: string; account?: string; json?: boolean }, cmd: Command) => {
        const { runRpc, println } = await import('../rpc-command.js');
        if (f.channel) {
          const { approveChannelPairing } = await import('./channel-pairing.js');
          return approveChannelPairing(cmd, f.channel, requestId, f.account, Boolean(f.json));
        }
        return runRpc(cmd, 'device.pair.approve', { requestId }, (p) => println(t('cli.pairing.approved', { id: p.requestId, device: p.device.deviceId })));
      }),
    );
  return pairing;
}
