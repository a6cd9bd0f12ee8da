// `openclaw channels status [--probe] [--json]`: every channel account's policy, recorded traffic and
// delivery errors (from the state dir), and with --probe a live outbound check. Asks the running
// gateway when there is one (then `running` says whether its transport serves the account); without
// one it reads the state dir and probes from this process (`running` is null).
import type { Command } from 'commander';
import { EXIT } from '../exit-codes.js';
import { printJson, println } from '../output.js';
import { fmtTime, subsystemContextFor, viaGatewayOr } from '../subsystem-support.js';
import { action } from '../run-action.js';
import { t } from '../../i18n/index.js';

export function register(program: Command): void {
  const channels = program.command('channels').description(t('cli.command.channels.summary'));
  channels
    .command('status')
    .description(t('cli.channels.status.summary'))
    .option('--probe', t('cli.channels.status.option.probe'))
    .option('--timeout <ms>', t('cli.channels.status.option.timeout'), (v) => Number(v), 3000)
    .option('--json', t('cli.common.option.json'))
    .action(
      action(async (opts: { probe?: boolean; timeout: number; json?: boolean }, cmd: Command) => {
        const { channelsStatus } = await import('../../subsystems/channels/status.js');
        const { redactValue } = await import('../../config/redact.js');
        const params = { probe: opts.probe, timeoutMs: opts.timeout };
        const { payload: r } = await viaGatewayOr(cmd, 'channels.status', params, () => channelsStatus(params, subsystemContextFor(cmd)), opts.timeout + 3000);
        const failed = r.channels.some((c) => c.probe && !c.probe.ok);
        if (opts.json) {
          printJson(redactValue(r));
          return failed ? EXIT.FAILED : EXIT.OK;
        }
        if (!r.channels.length) {
          println(t('cli.channels.status.none'));
          return EXIT.OK;
        }
        for (const c of r.channels) {
          const head = {
            enabled: c.enabled,
            transport: c.transport,
            running: c.running === null ? 'unknown' : String(c.running),
            configured: c.configured,
            dmPolicy: c.dmPolicy,
          };
          println(`${c.channel}/${c.accountId}: ${t('cli.channels.status.head', head)}`);
          println(t('cli.channels.status.traffic', { inbound: c.state.inbound, accepted: c.state.accepted, lastIn: fmtTime(c.state.lastInboundAt), lastOut: fmtTime(c.state.lastOutboundAt) }));
          const drops = Object.entries(c.state.drops).map(([k, v]) => `${k} ${v}`);
          if (drops.length) println(t('cli.channels.status.dropped', { drops: drops.join(', ') }));
          if (c.pendingPairing) println(t('cli.channels.status.pairing', { count: c.pendingPairing, channel: c.channel }));
          if (c.state.lastError) println(t('cli.channels.status.last-error', { message: c.state.lastError.message, at: fmtTime(c.state.lastError.at) }));
          if (c.probe) println(c.probe.ok ? t('cli.channels.status.probe-ok', { result: c.probe.result }) : t('cli.channels.status.probe-failed', { error: c.probe.error }));
        }
        return failed ? EXIT.FAILED : EXIT.OK;
      }),
    );
}
