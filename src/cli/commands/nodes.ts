// `openclaw nodes status|describe --node X [--json]`: nodes as the running gateway sees them (else as it
// last recorded them in <stateDir>/nodes/registry.json) with their commands, permissions and recent
// errors; `nodes invoke` sends a command to a connected node; `openclaw node run` runs this machine as
// a node (the package's small real node host).
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { eprintln, printJson, println } from '../output.js';
import { escapeControl } from '../../system/untrusted-text.js';
import { fmtTime, subsystemAction, subsystemContextFor, viaGatewayOr } from '../subsystem-support.js';
import { t } from '../../i18n/index.js';

export function register(program: Command): void {
  const nodes = program.command('nodes').description(t('cli.command.nodes.summary'));
  nodes
    .command('status')
    .description('list nodes (live from the gateway, else as last recorded)')
    .option('--json', 'machine-readable output')
    .action(
      subsystemAction(async (opts: { json?: boolean }, cmd: Command) => {
        const { nodeList } = await import('../../subsystems/nodes/rpc.js');
        const { payload: r } = await viaGatewayOr(cmd, 'node.list', {}, () => nodeList({}, subsystemContextFor(cmd)));
        if (opts.json) return printJson(r);
        if (!r.live) println('(the gateway is not running: nodes as last recorded)');
        if (!r.nodes.length) return println('No nodes recorded.');
        for (const n of r.nodes) println(escapeControl(`${n.nodeId}${n.displayName ? ` (${n.displayName})` : ''}  ${n.connected ? 'connected' : 'offline'}  ${n.platform ?? ''}  last seen ${fmtTime(n.lastSeenAt)}  commands: ${n.commands.join(', ') || '-'}`));
      }),
    );
  nodes
    .command('describe')
    .description('one node: caps, commands, permissions and its recent invoke errors')
    .requiredOption('--node <idOrNameOrIp>', 'node id, display name or IP')
    .option('--json', 'machine-readable output')
    .action(
      subsystemAction(async (opts: { node: string; json?: boolean }, cmd: Command) => {
        const { nodeDescribe } = await import('../../subsystems/nodes/rpc.js');
        const { payload: r } = await viaGatewayOr(cmd, 'node.describe', { nodeId: opts.node }, () => nodeDescribe({ nodeId: opts.node }, subsystemContextFor(cmd)));
        if (opts.json) return printJson(r);
        const n = r.node;
        println(escapeControl(`${n.nodeId}${n.displayName ? ` (${n.displayName})` : ''}: ${n.connected ? 'connected' : 'offline'}${n.foreground === false ? ', in the background' : ''}`));
        println(`  caps: ${n.caps.join(', ') || '-'}`);
        println(`  commands: ${n.commands.join(', ') || '-'}`);
        println(`  permissions: ${Object.entries(n.permissions).map(([k, v]) => `${k}=${v}`).join(', ') || '-'}`);
        for (const e of r.recentErrors.slice(-10)) println(`  ${fmtTime(e.at)} ${e.command}: ${e.message}`);
      }),
    );
  nodes
    .command('invoke')
    .description('send a command to a connected node (system.run is checked against exec approvals)')
    .requiredOption('--node <idOrNameOrIp>', 'node id, display name or IP')
    .requiredOption('--command <name>', 'node command, e.g. system.run or system.which')
    .option('--params <json>', 'command parameters as JSON, e.g. \'{"command":["echo","hi"]}\'', '{}')
    .option('--timeout <ms>', 'how long the node may take', (v) => Number(v), 30_000)
    .option('--json', 'machine-readable output')
    .action(
      subsystemAction(async (opts: { node: string; command: string; params: string; timeout: number; json?: boolean }, cmd: Command) => {
        let params: unknown;
        try {
          params = JSON.parse(opts.params);
        } catch (err) {
          throw new CliError(`--params is not JSON: ${(err as Error).message}`, EXIT.USAGE);
        }
        const invoke = { nodeId: opts.node, command: opts.command, params, timeoutMs: opts.timeout };
        const { payload: r } = await viaGatewayOr(cmd, 'node.invoke', invoke, () => {
          throw new CliError('node.invoke needs the running gateway: nodes connect to it', EXIT.FAILED, 'Start it with `openclaw gateway`.');
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
    .description('connect to the gateway with role "node" and serve system.run / system.which until stopped')
    .option('--url <url>', 'gateway WebSocket URL (default: ws://127.0.0.1:<port> from config/env)')
    .option('--token <token>', 'gateway token (default: OPENCLAW_GATEWAY_TOKEN, then the config)')
    .option('--display-name <name>', 'how the node shows in `openclaw nodes status`')
    .action(
      subsystemAction(async (opts: { url?: string; token?: string; displayName?: string }, cmd: Command) => {
        const { contextFor } = await import('../context.js');
        const { resolveTarget } = await import('../../client/target.js');
        const { failureText } = await import('../../client/cli-options.js');
        const { startNodeClient } = await import('../../subsystems/nodes/node-client.js');
        const { VERSION } = await import('../version.js');
        const { paths } = contextFor(cmd);
        const target = resolveTarget(paths, { url: opts.url, token: opts.token });
        const r = await startNodeClient({ url: target.url, token: target.token, password: target.password, stateDir: paths.stateDir.value, displayName: opts.displayName, version: VERSION });
        if (!r.ok) {
          const t = failureText(r.failure);
          throw new CliError(`node cannot connect to ${target.url}: ${t.what}`, EXIT.FAILED, t.next);
        }
        println(`node ${r.node.nodeId} connected to ${target.url}`);
        const stop = () => r.node.close();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        const why = await r.node.client.closed;
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        if (why.closeCode === 1000) return EXIT.OK;
        eprintln(`node disconnected: ${why.message}`);
        return EXIT.FAILED;
      }),
    );
}
