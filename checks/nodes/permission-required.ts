// Node commands failing for OS reasons: a missing permission (`CAMERA_PERMISSION_REQUIRED`, …) or the
// app in the background (`NODE_BACKGROUND_UNAVAILABLE`); also declared commands whose permission is denied.
import { defineCheck, type Finding, say } from '../../src/engine/check.js';
import { permissionFor } from '../../src/subsystems/nodes/registry.js';

export default defineCheck({
  meta: {
    id: 'nodes/permission-required',
    area: 'nodes',
    severity: 'warning',
    facts: ['nodes'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › node paired but tools fail',
  },
  detect({ nodes }) {
    if (!nodes?.ok) return [];
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const e of [...nodes.value.recentErrors].reverse()) {
      if (!/_PERMISSION_REQUIRED$/.test(e.code) && e.code !== 'NODE_BACKGROUND_UNAVAILABLE') continue;
      const key = `${e.nodeId}:${e.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const background = e.code === 'NODE_BACKGROUND_UNAVAILABLE';
      out.push({
        checkId: 'nodes/permission-required',
        severity: 'warning',
        ...say('nodes/permission-required.node-failed', { nodeId: e.nodeId, command: e.command, code: e.code }, background ? 'nodes/permission-required.background.fix' : 'nodes/permission-required.grant.fix'),
        cause: background ? 'node-background' : 'node-permission',
        evidence: [{ kind: 'log', source: 'nodes/registry.json', value: `${new Date(e.at).toISOString()} ${e.message}` }],
      });
    }
    for (const n of nodes.value.nodes) {
      for (const cmd of n.commands) {
        const perm = permissionFor(cmd);
        if (!perm || n.permissions[perm.permission] !== 'denied' || seen.has(`${n.nodeId}:${perm.code}`)) continue;
        seen.add(`${n.nodeId}:${perm.code}`);
        out.push({
          checkId: 'nodes/permission-required',
          severity: 'warning',
          ...say('nodes/permission-required.node-declares-but', { nodeId: n.nodeId, cmd, permission: perm.permission, code: perm.code, node: n.displayName ?? n.nodeId }),
          cause: 'node-permission',
        });
      }
    }
    return out;
  },
});
