// `openclaw approvals get [--node X] [--json]`: the exec approvals that govern system.run, read from
// exec-approvals.json (the node's own copy under nodes/<id>/ when it reported one, else the host's).
import type { Command } from 'commander';
import { printJson, println } from '../output.js';
import { subsystemContextFor } from '../subsystem-support.js';
import { action } from '../run-action.js';
import { t } from '../../i18n/index.js';

export function register(program: Command): void {
  const approvals = program.command('approvals').description(t('cli.command.approvals.summary'));
  approvals
    .command('get')
    .description(t('cli.approvals.get.summary'))
    .option('--node <idOrNameOrIp>', t('cli.approvals.get.option.node'))
    .option('--agent <id>', t('cli.approvals.get.option.agent'), 'main')
    .option('--json', t('cli.common.option.json'))
    .action(
      action(async (opts: { node?: string; agent: string; json?: boolean }, cmd: Command) => {
        const { execApprovalsGet } = await import('../../subsystems/nodes/rpc.js');
        const r = execApprovalsGet({ nodeId: opts.node, agentId: opts.agent }, subsystemContextFor(cmd));
        if (opts.json) return printJson(r);
        println(t('cli.approvals.get.path', { path: r.path, exists: r.exists }));
        println(t('cli.approvals.get.policy', { security: r.effective.security, ask: r.effective.ask }));
        println(r.effective.allowlist.length ? t('cli.approvals.get.allowlist', { list: r.effective.allowlist.join(', ') }) : t('cli.approvals.get.allowlist-empty'));
      }),
    );
}
