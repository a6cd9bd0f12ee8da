// `openclaw nodes status|describe --node X [--json]`: nodes as the gateway last recorded them
// (<stateDir>/nodes/registry.json) with their commands, permissions and recent errors.
import type { Command } from 'commander';
import { printJson, println } from '../output.js';
import { fmtTime, subsystemAction, subsystemContextFor } from '../../subsystems/cli-support.js';

export function register(program: Command): void {
  const nodes = program.command('nodes').description('paired nodes: capabilities, permissions, recent failures');
  nodes
    .command('status')
    .description('list nodes (as last recorded by the gateway)')
    .option('--json', 'machine-readable output')
    .action(
      subsystemAction(async (opts: { json?: boolean }, cmd: Command) => {
        const { nodeList } = await import('../../subsystems/nodes/rpc.js');
        const r = nodeList({}, subsystemContextFor(cmd));
        if (opts.json) return printJson(r);
        if (!r.nodes.length) return println('No nodes recorded.');
        for (const n of r.nodes) println(`${n.nodeId}${n.displayName ? ` (${n.displayName})` : ''}  ${n.connected ? 'connected' : 'offline'}  ${n.platform ?? ''}  last seen ${fmtTime(n.lastSeenAt)}  commands: ${n.commands.join(', ') || '-'}`);
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
        const r = nodeDescribe({ nodeId: opts.node }, subsystemContextFor(cmd));
        if (opts.json) return printJson(r);
        const n = r.node;
        println(`${n.nodeId}${n.displayName ? ` (${n.displayName})` : ''}: ${n.connected ? 'connected' : 'offline'}${n.foreground === false ? ', in the background' : ''}`);
        println(`  caps: ${n.caps.join(', ') || '-'}`);
        println(`  commands: ${n.commands.join(', ') || '-'}`);
        println(`  permissions: ${Object.entries(n.permissions).map(([k, v]) => `${k}=${v}`).join(', ') || '-'}`);
        for (const e of r.recentErrors.slice(-10)) println(`  ${fmtTime(e.at)} ${e.command}: ${e.message}`);
      }),
    );
}
