// `openclaw pairing list|approve`: the pairing queue. Plain, it is the gateway's device pairing
// (device.pair.list / device.pair.approve). With `--channel <ch>` it is a channel's DM pairing store
// (<stateDir>/credentials/<ch>-pairing.json): senders who messaged a `dmPolicy: pairing` account.
import type { Command } from 'commander';
import { addClientOptions } from '../../client/cli-options.js';
import { action } from '../run-action.js';
import { t } from '../../i18n/index.js';

const CHANNEL_HELP = 'a channel (e.g. webhook): its DM pairing requests instead of device pairing';

export function register(program: Command): Command {
  const pairing = program.command('pairing').description(t('cli.command.pairing.summary'));
  addClientOptions(pairing.command('list'))
    .description('list pending pairing requests (devices, or a channel\'s senders with --channel)')
    .option('--channel <channel>', CHANNEL_HELP)
    .option('--account <id>', 'with --channel: only this account')
    .action(
      action(async (f: { channel?: string; account?: string; json?: boolean }, cmd: Command) => {
        const { runRpc, println } = await import('../rpc-command.js');
        if (f.channel) {
          const { listChannelPairing } = await import('./channel-pairing.js');
          return listChannelPairing(cmd, f.channel, f.account, Boolean(f.json));
        }
        return runRpc(cmd, 'device.pair.list', {}, (p) => {
          const pending = p.pending ?? [];
          if (!pending.length) println('No pending pairing requests.');
          for (const r of pending) println(`${r.requestId}  device ${r.deviceId.slice(0, 16)}…  ${r.clientId ?? ''}  role ${r.role}  reason ${r.reason}  from ${r.remoteIp ?? '?'}`);
        });
      }),
    );
  addClientOptions(pairing.command('approve <requestIdOrCode>'))
    .description('approve a pending pairing request (a device request id, or a channel pairing code with --channel)')
    .option('--channel <channel>', CHANNEL_HELP)
    .option('--account <id>', 'with --channel: the account the code belongs to')
    .action(
      action(async (requestId: string, f: { channel?: string; account?: string; json?: boolean }, cmd: Command) => {
        const { runRpc, println } = await import('../rpc-command.js');
        if (f.channel) {
          const { approveChannelPairing } = await import('./channel-pairing.js');
          return approveChannelPairing(cmd, f.channel, requestId, f.account, Boolean(f.json));
        }
        return runRpc(cmd, 'device.pair.approve', { requestId }, (p) => println(`Approved ${p.requestId}: device ${p.device.deviceId}.`));
      }),
    );
  return pairing;
}
