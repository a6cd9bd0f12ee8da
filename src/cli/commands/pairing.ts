// `openclaw pairing list|approve`: the pairing queue (device requests waiting on this gateway).
import type { Command } from 'commander';
import { addClientOptions } from '../../client/cli-options.js';
import { action } from '../run-action.js';

export function register(program: Command): Command {
  const pairing = program.command('pairing').description('pending pairing requests and their approval');
  addClientOptions(pairing.command('list'))
    .description('list pending pairing requests')
    .action(
      action(async (_f: unknown, cmd: Command) => {
        const { runRpc, println } = await import('../../client/rpc-command.js');
        return runRpc(cmd, 'device.pair.list', {}, (p) => {
          const pending = p.pending ?? [];
          if (!pending.length) println('No pending pairing requests.');
          for (const r of pending) println(`${r.requestId}  device ${r.deviceId.slice(0, 16)}…  ${r.clientId ?? ''}  role ${r.role}  reason ${r.reason}  from ${r.remoteIp ?? '?'}`);
        });
      }),
    );
  addClientOptions(pairing.command('approve <requestId>'))
    .description('approve a pending pairing request')
    .action(
      action(async (requestId: string, _f: unknown, cmd: Command) => {
        const { runRpc, println } = await import('../../client/rpc-command.js');
        return runRpc(cmd, 'device.pair.approve', { requestId }, (p) => println(`Approved ${p.requestId}: device ${p.device.deviceId}.`));
      }),
    );
  return pairing;
}
