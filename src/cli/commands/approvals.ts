// `openclaw approvals get [--node X] [--json]`: the exec approvals that govern system.run, read from
// exec-approvals.json (the node's own copy under nodes/<id>/ when it reported one, else the host's).
import type { Command } from 'commander';
import { printJson, println } from '../output.js';
import { subsystemAction, subsystemContextFor } from '../subsystem-support.js';
import { t } from '../../i18n/index.js';

export function register(program: Command): void {
  const approvals = program.command('approvals').description(t('cli.command.approvals.summary'));
  approvals
    .command('get')
    .description('show the approvals file and the effective policy (security, ask, allowlist)')
    .option('--node <idOrNameOrIp>', 'a node (default: this host)')
    .option('--agent <id>', 'agent whose overrides apply', 'main')
    .option('--json', 'machine-readable output')
    .action(
      subsystemAction(async (opts: { node?: string; agent: string; json?: boolean }, cmd: Command) => {
        const { execApprovalsGet } = await import('../../subsystems/nodes/rpc.js');
        const r = execApprovalsGet({ nodeId: opts.node, agentId: opts.agent }, subsystemContextFor(cmd));
        if (opts.json) return printJson(r);
        println(`${r.path}${r.exists ? '' : ' (not present: defaults apply)'}`);
        println(`  security: ${r.effective.security}   ask: ${r.effective.ask}`);
        println(`  allowlist: ${r.effective.allowlist.length ? r.effective.allowlist.join(', ') : '(empty)'}`);
      }),
    );
}
