// `system.run` denied by exec approvals: `SYSTEM_RUN_DENIED: approval required` (an approval is
// pending / nobody can approve) or `SYSTEM_RUN_DENIED: allowlist miss` (the command is not allowed).
import { defineCheck, type Finding, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'nodes/approval-required',
    area: 'nodes',
    severity: 'warning',
    facts: ['nodes'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › node paired but tools fail (SYSTEM_RUN_DENIED)',
  },
  detect({ nodes }) {
    if (!nodes?.ok) return [];
    const latest = new Map<string, (typeof nodes.value.recentErrors)[number]>();
    for (const e of nodes.value.recentErrors) if (e.code === 'SYSTEM_RUN_DENIED') latest.set(`${e.nodeId}:${e.message}`, e);
    return [...latest.values()].map((e): Finding => {
      const miss = e.message.includes('allowlist miss'); // i18n-ignore: the node's error text
      const approvals = nodes.value.approvals.find((a) => a.nodeId === e.nodeId) ?? nodes.value.approvals.find((a) => a.nodeId === null);
      return {
        checkId: 'nodes/approval-required',
        severity: 'warning',
        ...say('nodes/approval-required.node', { nodeId: e.nodeId, message: e.message, file: approvals?.path ?? 'exec-approvals.json', ask: approvals?.effective?.ask ?? 'on-miss' }, miss ? 'nodes/approval-required.allowlist.fix' : 'nodes/approval-required.ask.fix'),
        cause: 'exec-approval',
        evidence: [{ kind: 'log', source: 'nodes/registry.json', value: `${new Date(e.at).toISOString()} ${e.message}` }],
      };
    });
  },
});
