// `openclaw nodes status|describe --node X [--json]`: nodes as the running gateway sees them (else as it
// last recorded them in <stateDir>/nodes/registry.json) with their commands, permissions and recent
// errors; `nodes invoke` sends a command to a connected node; `openclaw node run` runs this machine as
// a node (the package's small real node host).
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { printJson, println } from '../output.js';
import { escapeControl } from '../../system/untrusted-text.js';
import { fmtTime, subsystemContextFor, viaGatewayOr } from '../subsystem-support.js';
import { action } from '../run-action.js';
import { t } from '../../i18n/index.js';

/** A node as people name it: its id, and its display name when it has one. */
function label(n: { nodeId: string; displayName?: string }): string {
  return n.displayName ? `${n.nodeId} (${n.displayName})` : n.nodeId;
}

export function register(program: Command): void {
  const nodes = program.command('nodes').description(t('cli.command.nodes.summary'));
  nodes
    .command('status')
    .description(t('cli.nodes.status.summary'))
    .option('--json', t('cli.common.option.json'))
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        const { nodeList } = await import('../../subsystems/nodes/rpc.js');
        const { payload: r } = await viaGatewayOr(cmd, 'node.list', {}, () => nodeList({}, subsystemContextFor(cmd)));
        if (opts.json) return printJson(r);
        if (!r.live) println(t('cli.nodes.status.not-live'));
        if (!r.nodes.length) return println(t('cli.nodes.status.none'));
        for (const n of r.nodes) {
          println(escapeControl(t('cli.nodes.status.line', { node: label(n), connected: n.connected, platform: n.platform ?? '', seen: fmtTime(n.lastSeenAt), commands: n.commands.join(', ') || '-' })));
        }
      }),
    );
  nodes
    .command('describe')
    .description(t('cli.nodes.describe.summary'))
    .requiredOption('--node <idOrNameOrIp>', t('cli.nodes.option.node'))
    .option('--json', t('cli.common.option.json'))
    .action(
      action(async (opts: { node: string; json?: boolean }, cmd: Command) => {
        const { nodeDescribe } = await import('../../subsystems/nodes/rpc.js');
        const { payload: r } = await viaGatewayOr(cmd, 'node.describe', { nodeId: opts.node }, () => nodeDescribe({ nodeId: opts.node }, subsystemContextFor(cmd)));
        if (opts.json) return printJson(r);
        const n = r.node;
        println(escapeControl(t('cli.nodes.describe.head', { node: label(n), connected: n.connected, background: n.foreground === false })));
        println(t('cli.nodes.describe.caps', { caps: n.caps.join(', ') || '-' }));
        println(t('cli.nodes.describe.commands', { commands: n.commands.join(', ') || '-' }));
        println(t('cli.nodes.describe.permissions', { permissions: Object.entries(n.permissions).map(([k, v]) => `${k}=${v}`).join(', ') || '-' }));
        for (const e of r.recentErrors.slice(-10)) println(`  ${fmtTime(e.at)} ${e.command}: ${e.message}`);
      }),
    );
  nodes
    .command('invoke')
    .description(t('cli.nodes.invoke.summary'))
    .requiredOption('--node <idOrNameOrIp>', t('cli.nodes.option.node'))
    .requiredOption('--command <name>', t('cli.nodes.invoke.option.command'))
    .option('--params <json>', t('cli.nodes.invoke.option.params'), '{}')
    .option('--timeout <ms>', t('cli.nodes.invoke.option.timeout'), (v) => Number(v), 30_000)
    .option('--json', t('cli.common.option.json'))
    .action(
      action(async (opts: { node: string; command: string; params: string; timeout: number; json?: boolean }, cmd: Command) => {
        let params: unknown;
        try {
          params = JSON.parse(opts.params);
        } catch (err) {
          throw new CliError(t('cli.nodes.invoke.bad-params', { reason: (err as Error).message }), EXIT.USAGE);
        }
        const invoke = { nodeId: opts.node, command: opts.command, params, timeoutMs: opts.timeout };
        const { payload: r } = await viaGatewayOr(cmd, 'node.invoke', invoke, () => {
          throw new CliError(t('cli.nodes.invoke.needs-gateway'), EXIT.FAILED, t('cli.nodes.invoke.needs-gateway.hint'));
        }, opts.timeout + 5000);
        if (opts.json) return printJson(r);
        println(JSON.stringify((r as { result?: unknown }).result, null, 2));
      }),
    );
}

/** `openclaw node run`: this machine as a node of the gateway (its own top-level command). */
export function registerNode(program: Command): void {
  const node = program.command('node').description(t('cli.command.node.summary'));
  node
    .command('run')
    .description(t('cli.node.run.summary'))
    .option('--url <url>', t('cli.node.run.option.url'))
    .option('--token <token>', t('cli.node.run.option.token'))
    .option('--display-name <name>', t('cli.node.run.option.display-name'))
    .action(
      action(async (opts: { url?: string; token?: string; displayName?: string }, cmd: Command) => {
        const { contextFor } = await import('../context.js');
        const { resolveTarget } = await import('../../client/target.js');
        const { failureText } = await import('../../client/cli-options.js');
        const { startNodeClient } = await import('../../subsystems/nodes/node-client.js');
        const { VERSION } = await import('../version.js');
        const { paths } = contextFor(cmd);
        const target = resolveTarget(paths, { url: opts.url, token: opts.token });
        const r = await startNodeClient({ url: target.url, token: target.token, password: target.password, stateDir: paths.stateDir.value, displayName: opts.displayName, version: VERSION });
        if (!r.ok) {
          const failure = failureText(r.failure);
          throw new CliError(t('cli.node.run.cannot-connect', { url: target.url, reason: failure.what }), EXIT.FAILED, failure.next);
        }
        println(t('cli.node.run.connected', { id: r.node.nodeId, url: target.url }));
        const stop = () => r.node.close();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        const why = await r.node.client.closed;
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        if (why.closeCode === 1000) return EXIT.OK;
        // The reason is the gateway's words.
        throw new CliError(t('cli.node.run.disconnected', { reason: escapeControl(why.message) }), EXIT.FAILED);
      }),
    );
}
