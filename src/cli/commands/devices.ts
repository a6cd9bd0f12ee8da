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
  println(t('cli.devices.pending', { count: pending.length }));
  for (const r of pending) {
    println(t('cli.devices.pending-line', { id: r.requestId, device: r.deviceId.slice(0, 16), client: r.clientId ?? '', platform: r.platform ?? '', role: r.role, reason: r.reason, ip: r.remoteIp ?? '?' }));
  }
  const paired = p.paired ?? [];
  println(t('cli.devices.paired', { count: paired.length }));
  for (const d of paired) {
    println(t('cli.devices.paired-line', { device: d.deviceId, client: d.clientId ?? '', platform: d.platform ?? '', roles: d.roles.join(','), scopes: d.scopes.join(',') || '-' }));
  }
}

export function register(program: Command): Command {
  const devices = program.command('devices').description(t('cli.command.devices.summary'));
  addClientOptions(devices.command('list'))
    .description(t('cli.devices.list.summary'))
    .action(action((_f: unknown, cmd: Command) => rpc(cmd, 'device.pair.list', {}, printPairList)));
  addClientOptions(devices.command('approve <requestId>'))
    .description(t('cli.devices.approve.summary'))
    .action(action((requestId: string, _f: unknown, cmd: Command) => rpc(cmd, 'device.pair.approve', { requestId }, (p, println) => println(t('cli.devices.approved', { id: p.requestId, device: p.device.deviceId, roles: p.device.roles.join(',') })))));
  addClientOptions(devices.command('reject <requestId>'))
    .description(t('cli.devices.reject.summary'))
    .action(action((requestId: string, _f: unknown, cmd: Command) => rpc(cmd, 'device.pair.reject', { requestId }, (p, println) => println(t('cli.devices.rejected', { id: p.requestId, device: p.deviceId })))));
  addClientOptions(devices.command('remove <deviceId>'))
    .description(t('cli.devices.remove.summary'))
    .action(action((deviceId: string, _f: unknown, cmd: Command) => rpc(cmd, 'device.pair.remove', { deviceId }, (p, println) => println(t('cli.devices.removed', { device: p.deviceId })))));
  addClientOptions(devices.command('rotate <deviceId>'))
    .description(t('cli.devices.rotate.summary'))
    .option('--role <role>', 'operator | node', 'operator')
    .action(
      action((deviceId: string, f: { role: string }, cmd: Command) =>
        rpc(cmd, 'device.token.rotate', { deviceId, role: f.role }, (p, println) => println(t('cli.devices.rotated', { role: p.role, device: p.deviceId }))),
      ),
    );
  addClientOptions(devices.command('revoke <deviceId>'))
    .description(t('cli.devices.revoke.summary'))
    .option('--role <role>', 'operator | node', 'operator')
    .action(action((deviceId: string, f: { role: string }, cmd: Command) => rpc(cmd, 'device.token.revoke', { deviceId, role: f.role }, (p, println) => println(t('cli.devices.revoked', { role: p.role, device: p.deviceId })))));
  return devices;
}
