// `openclaw status [--deep]`: the gateway's status RPC (and health with --deep).
import type { Command } from 'commander';
import { addClientOptions } from '../../client/cli-options.js';
import { action } from '../run-action.js';
import { t } from '../../i18n/index.js';

export function register(program: Command): Command {
  return addClientOptions(program.command('status'))
    .description(t('cli.command.status.summary'))
    .option('--deep', 'also call health and system-presence')
    .action(
      action(async (flags: { deep?: boolean }, cmd: Command) => {
        const { runRpc, runRpcs, println } = await import('../rpc-command.js');
        if (!flags.deep) return runRpc(cmd, 'status', {}, (s) => printStatus(println, s));
        return runRpcs(cmd, [['status', {}], ['health', {}], ['system-presence', {}]], (all) => {
          printStatus(println, all.status);
          println(`  health: ${all.health?.ok ? 'ok' : 'failing'}`);
          for (const c of all['system-presence'] ?? []) println(`  client ${c.clientId} (${c.clientMode}) ${c.remoteIp} role ${c.role}${c.deviceId ? ` device ${c.deviceId.slice(0, 12)}…` : ''}`);
        });
      }),
    );
}

function printStatus(println: (s: string) => void, s: any): void {
  if (!s?.gateway) {
    // Another gateway's status shape (upstream OpenClaw): list what it reports.
    println(`Gateway status: pid ${s?.pid ?? '?'}${s?.runtimeVersion ? `, runtime ${s.runtimeVersion}` : ''}`);
    println(`  fields: ${Object.keys(s ?? {}).join(', ')}`);
    return;
  }
  println(`Gateway ${s.version} (pid ${s.pid}) up ${Math.round(s.uptimeMs / 1000)}s at ${s.gateway.url}`);
  println(`  bind ${s.gateway.bind}, auth ${s.gateway.authMode}, reload ${s.gateway.reloadMode}`);
  println(`  config ${s.configPath}`);
  println(`  log ${s.logFile}`);
  println(`  ${s.connections} connection(s), ${s.devices?.paired} paired device(s), ${s.devices?.pending} pending request(s)`);
}
