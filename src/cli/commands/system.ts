// `openclaw system heartbeat last [--json]`: the last heartbeat event, from the running gateway
// (`last-heartbeat`), else from the file its heartbeat runner writes (<stateDir>/heartbeat/last.json).
import type { Command } from 'commander';
import { EXIT } from '../exit-codes.js';
import { printJson, println } from '../output.js';
import { fmtTime, subsystemContextFor, viaGatewayOr } from '../subsystem-support.js';
import { action } from '../run-action.js';
import { t } from '../../i18n/index.js';

export function register(program: Command): void {
  const system = program.command('system').description(t('cli.command.system.summary'));
  const heartbeat = system.command('heartbeat').description(t('cli.system.heartbeat.summary'));
  heartbeat
    .command('last')
    .description(t('cli.system.heartbeat.last.summary'))
    .option('--json', t('cli.common.option.json'))
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        const { lastHeartbeat } = await import('../../subsystems/heartbeat/rpc.js');
        const { payload: ev } = await viaGatewayOr(cmd, 'last-heartbeat', {}, () => lastHeartbeat({}, subsystemContextFor(cmd)));
        if (opts.json) return printJson(ev);
        if (!ev) {
          println(t('cli.system.heartbeat.none'));
          return EXIT.OK;
        }
        const where = ev.channel ? ` → ${ev.channel}/${ev.accountId ?? 'default'} ${ev.to ?? ''}`.trimEnd() : '';
        println(`${fmtTime(ev.ts)}  ${ev.status}${ev.reason ? ` reason=${ev.reason}` : ''}${where}`);
        if (ev.detail) println(`  ${ev.detail}`);
        if (ev.error) println(t('cli.system.heartbeat.error', { error: ev.error }));
        for (const n of ev.notes ?? []) println(t('cli.system.heartbeat.note', { note: n }));
      }),
    );
}
