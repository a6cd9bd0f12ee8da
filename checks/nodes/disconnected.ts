// A node is offline and something still tried to use it (`node not connected: X`): the app was closed,
// lost its network, or its pairing changed. The node's tools fail until it reconnects.
import { defineCheck, type Finding } from '../../src/engine/check.js';
import { findNode } from '../../src/subsystems/nodes/registry.js';

export default defineCheck({
  meta: {
    id: 'nodes/disconnected',
    area: 'nodes',
    severity: 'warning',
    facts: ['nodes'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › node paired but tools fail',
  },
  detect({ nodes }) {
    if (!nodes?.ok) return [];
    const out = new Map<string, Finding>();
    for (const e of nodes.value.recentErrors) {
      if (e.code !== 'NODE_NOT_CONNECTED') continue;
      const node = findNode(nodes.value.nodes, e.nodeId);
      // An error from before the node's last contact is history: it came back since.
      if (node?.connected || (node?.lastSeenAt !== undefined && e.at < node.lastSeenAt)) continue;
      const id = node?.nodeId ?? e.nodeId;
      out.set(id, {
        checkId: 'nodes/disconnected',
        severity: 'warning',
        message: node
          ? `node ${node.displayName ?? id} is offline (last seen ${node.lastSeenAt ? new Date(node.lastSeenAt).toISOString() : 'never'}) but ${e.command} was sent to it`
          : `${e.command} was sent to ${id}, which is not a known node`,
        fixHint: node ? 'Open the node app (or run `openclaw node run` on that machine) so it reconnects, then: `openclaw nodes status`' : 'List the known nodes with `openclaw nodes status` and use one of their ids or names',
        cause: 'node-disconnected',
        evidence: [{ kind: 'log', source: 'nodes/registry.json', value: `${new Date(e.at).toISOString()} ${e.message}` }],
      });
    }
    return [...out.values()];
  },
});
