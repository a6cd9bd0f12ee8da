// A node is offline and something still tried to use it (`node not connected: X`): the app was closed,
// lost its network, or its pairing changed. The node's tools fail until it reconnects.
import { defineCheck, type Finding, say } from '../../src/engine/check.js';
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
        ...(node
          ? say('nodes/disconnected.offline', { node: node.displayName ?? id, lastSeen: node.lastSeenAt ? new Date(node.lastSeenAt).toISOString() : null, command: e.command })
          : say('nodes/disconnected.unknown', { node: id, command: e.command })),
        cause: 'node-disconnected',
        evidence: [{ kind: 'log', source: 'nodes/registry.json', value: `${new Date(e.at).toISOString()} ${e.message}` }],
      });
    }
    return [...out.values()];
  },
});
