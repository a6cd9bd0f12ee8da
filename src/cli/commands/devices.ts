// `openclaw devices list|approve|reject|remove|rotate|revoke`: device pairing through the gateway.
import type { Command } from 'commander';
import { addClientOptions } from '../../client/cli-options.js';
import { action } from '../run-action.js';
import { t } from '../../i18n/index.js';

async function rpc(cmd: Command, method: string, params: unknown, render: (p: any, println: (s: string) => void) => void): Promise<number> {
  const { runRpc, println } = await import('../rpc-command.js');
  return runRpc(cmd, method, params, (p) => render(p, println));
}

export function printPairList(p: any, println: (s: string) => void): void {
  const pending = p.pending ?? [];
  println(`Pending (${pending.length})`);
  for (const r of pending) println(`  ${r.requestId}  device ${r.deviceId.slice(0, 16)}…  ${r.clientId ?? ''} ${r.platform ?? ''}  role ${r.role}  reason ${r.reason}  from ${r.remoteIp ?? '?'}`);
  const paired = p.paired ?? [];
  println(`Paired (${paired.length})`);
  for (const d of paired) println(`  ${d.deviceId}  ${d.clientId ?? ''} ${d.platform ?? ''}  roles ${d.roles.join(',')}  scopes ${d.scopes.join(',') || '-'}`);
}

export function register(program: Command): Command {
  const devices = program.command('devices').description(t('cli.command.devices.summary'));
  addClientOptions(devices.command('list'))
    .description('pending pairing requests and paired devices')
    .action(action((_f: unknown, cmd: Command) => rpc(cmd, 'device.pair.list', {}, printPairList)));
  addClientOptions(devices.command('approve <requestId>'))
    .description('approve a pending pairing request')
    .action(action((requestId: string, _f: unknown, cmd: Command) => rpc(cmd, 'device.pair.approve', { requestId }, (p, println) => println(`Approved ${p.requestId}: device ${p.device.deviceId} (${p.device.roles.join(',')})`))));
  addClientOptions(devices.command('reject <requestId>'))
    .description('reject a pending pairing request')
    .action(action((requestId: string, _f: unknown, cmd: Command) => rpc(cmd, 'device.pair.reject', { requestId }, (p, println) => println(`Rejected ${p.requestId} (device ${p.deviceId}).`))));
  addClientOptions(devices.command('remove <deviceId>'))
    .description('forget a paired device (its connections are closed)')
    .action(action((deviceId: string, _f: unknown, cmd: Command) => rpc(cmd, 'device.pair.remove', { deviceId }, (p, println) => println(`Removed device ${p.deviceId}.`))));
  addClientOptions(devices.command('rotate <deviceId>'))
    .description('issue a new device token for a role (the old one stops working)')
    .option('--role <role>', 'operator | node', 'operator')
    .action(
      action((deviceId: string, f: { role: string }, cmd: Command) =>
        rpc(cmd, 'device.token.rotate', { deviceId, role: f.role }, (p, println) => println(`Rotated the ${p.role} token of device ${p.deviceId}; the device gets it on its next connect with the gateway token.`)),
      ),
    );
  addClientOptions(devices.command('revoke <deviceId>'))
    .description('withdraw a device token for a role')
    .option('--role <role>', 'operator | node', 'operator')
    .action(action((deviceId: string, f: { role: string }, cmd: Command) => rpc(cmd, 'device.token.revoke', { deviceId, role: f.role }, (p, println) => println(`Revoked the ${p.role} token of device ${p.deviceId}.`))));
  return devices;
}
