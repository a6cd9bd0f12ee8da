// `openclaw status [--deep]`: the gateway's status RPC (and health with --deep).
import type { Command } from 'commander';
import { addClientOptions } from '../../client/cli-options.js';
import { action } from '../run-action.js';
import { t } from '../../i18n/index.js';

export function register(program: Command): Command {
  return addClientOptions(program.command('status'))
    .description(t('cli.command.status.summary'))
    .option('--deep', t('cli.status.option.deep'))
    .action(
      action(async (flags: { deep?: boolean }, cmd: Command) => {
        const { runRpc, runRpcs, println } = await import('../rpc-command.js');
        if (!flags.deep) return runRpc(cmd, 'status', {}, (s) => printStatus(println, s));
        return runRpcs(cmd, [['status', {}], ['health', {}], ['system-presence', {}]], (all) => {
          printStatus(println, all.status);
          println(t('cli.status.health', { ok: Boolean(all.health?.ok) }));
          for (const c of all['system-presence'] ?? []) println(t('cli.status.client', { id: c.clientId, mode: c.clientMode, ip: c.remoteIp, role: c.role, hasDevice: Boolean(c.deviceId), device: c.deviceId ? c.deviceId.slice(0, 12) : '' }));
        });
      }),
    );
}

function printStatus(println: (s: string) => void, s: any): void {
  if (!s?.gateway) {
    // Another gateway's status shape (upstream OpenClaw): list what it reports.
    println(t('cli.status.foreign', { pid: s?.pid ?? '?', hasRuntime: Boolean(s?.runtimeVersion), runtime: s?.runtimeVersion ?? '' }));
    println(t('cli.status.fields', { fields: Object.keys(s ?? {}).join(', ') }));
    return;
  }
  println(t('cli.status.head', { version: s.version, pid: s.pid, seconds: Math.round(s.uptimeMs / 1000), url: s.gateway.url }));
  println(t('cli.status.modes', { bind: s.gateway.bind, auth: s.gateway.authMode, reload: s.gateway.reloadMode }));
  println(t('cli.status.config', { path: s.configPath }));
  println(t('cli.status.log', { path: s.logFile }));
  println(t('cli.status.counts', { connections: s.connections, paired: String(s.devices?.paired), pending: String(s.devices?.pending) }));
}
