// `openclaw channels status [--probe] [--json]`: every channel account's policy, recorded traffic and
// delivery errors (from the state dir), and with --probe a live outbound check. Asks the running
// gateway when there is one (then `running` says whether its transport serves the account); without
// one it reads the state dir and probes from this process (`running` is null).
import type { Command } from 'commander';
import { EXIT } from '../exit-codes.js';
import { printJson, println } from '../output.js';
import { fmtTime, subsystemAction, subsystemContextFor, viaGatewayOr } from '../subsystem-support.js';
import { t } from '../../i18n/index.js';

export function register(program: Command): void {
  const channels = program.command('channels').description(t('cli.command.channels.summary'));
  channels
    .command('status')
    .description('per-account transport state; --probe checks outbound delivery (works or the error)')
    .option('--probe', 'send a probe to each account')
    .option('--timeout <ms>', 'probe timeout in milliseconds', (v) => Number(v), 3000)
    .option('--json', 'machine-readable output')
    .action(
      subsystemAction(async (opts: { probe?: boolean; timeout: number; json?: boolean }, cmd: Command) => {
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
          println('No channels configured (channels.* in openclaw.json).');
          return EXIT.OK;
        }
        for (const c of r.channels) {
          const running = c.running === null ? '' : c.running ? ', running' : ', not running';
          println(`${c.channel}/${c.accountId}: ${c.enabled ? 'enabled' : 'disabled'}, transport ${c.transport}${running}${c.configured ? '' : ' (not configured)'}, dmPolicy ${c.dmPolicy}`);
          println(`  inbound ${c.state.inbound} (accepted ${c.state.accepted}), last ${fmtTime(c.state.lastInboundAt)}; last outbound ${fmtTime(c.state.lastOutboundAt)}`);
          const drops = Object.entries(c.state.drops).map(([k, v]) => `${k} ${v}`);
          if (drops.length) println(`  dropped: ${drops.join(', ')}`);
          if (c.pendingPairing) println(`  pairing requests pending: ${c.pendingPairing} (\`openclaw pairing list --channel ${c.channel}\`)`);
          if (c.state.lastError) println(`  last delivery error: ${c.state.lastError.message} at ${fmtTime(c.state.lastError.at)}`);
          if (c.probe) println(`  probe: ${c.probe.ok ? c.probe.result : `failed — ${c.probe.error}`}`);
        }
        return failed ? EXIT.FAILED : EXIT.OK;
      }),
    );
}
