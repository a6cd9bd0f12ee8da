// The `nodes` fact: known nodes with their declared commands and permissions, recent invoke errors,
// and the exec approvals in effect for each node (and the host).
import type { JsonObject } from '../config/load.js';
import type { Fact } from './fact.js';
import { effectiveApprovals, readApprovalsFile, type EffectiveApprovals } from '../subsystems/nodes/approvals.js';
import { approvalsFileFor, readNodesSnapshot, type NodeError, type NodeInfo } from '../subsystems/nodes/registry.js';

export interface NodesFact {
  nodes: NodeInfo[];
  recentErrors: NodeError[];
  approvals: Array<{ nodeId: string | null; path: string; effective?: EffectiveApprovals; error?: string }>;
}

export function collectNodesFact(input: { stateDir: string; config: JsonObject }): Fact<NodesFact> {
  try {
    const snap = readNodesSnapshot(input.stateDir);
    const approvals: NodesFact['approvals'] = [];
    for (const nodeId of [null, ...snap.nodes.map((n) => n.nodeId)]) {
      const file = approvalsFileFor(input.stateDir, nodeId ?? undefined);
      try {
        approvals.push({ nodeId, path: file, effective: effectiveApprovals(readApprovalsFile(file)) });
      } catch (err) {
        approvals.push({ nodeId, path: file, error: (err as Error).message });
      }
    }
    return { ok: true, value: { nodes: snap.nodes, recentErrors: snap.recentErrors ?? [], approvals } };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}
