// `node.list`, `node.describe`, `node.invoke`, `exec.approvals.get`. With a live registry (the
// gateway) they answer from it; without one they read the last snapshot the gateway wrote.
import * as z from '../../zod.js';
import { RpcError, type RpcMethod } from '../../protocol/rpc.js';
import { defineRpc, type SubsystemContext } from '../context.js';
import { StateFileError } from '../json-file.js';
import { effectiveApprovals, readApprovalsFile } from './approvals.js';
import { approvalsFileFor, findNode, readNodesSnapshot, type NodeRegistry } from './registry.js';
import fs from 'node:fs';

export interface NodesRpcContext extends SubsystemContext {
  nodes?: NodeRegistry;
}

function snapshotOf(ctx: NodesRpcContext) {
  if (ctx.nodes) return ctx.nodes.snapshot();
  try {
    return readNodesSnapshot(ctx.stateDir);
  } catch (err) {
    if (err instanceof StateFileError) throw new RpcError('UNAVAILABLE', err.message);
    throw err;
  }
}

export function nodeList(_p: unknown, ctx: NodesRpcContext) {
  return { nodes: snapshotOf(ctx).nodes, live: Boolean(ctx.nodes) };
}

export function nodeDescribe(p: { nodeId: string }, ctx: NodesRpcContext) {
  const snap = snapshotOf(ctx);
  const node = findNode(snap.nodes, p.nodeId);
  if (!node) throw new RpcError('NOT_FOUND', `unknown node: ${p.nodeId}`);
  return { node, recentErrors: snap.recentErrors.filter((e) => e.nodeId === node.nodeId), live: Boolean(ctx.nodes) };
}

export async function nodeInvoke(p: z.output<typeof invokeParams>, ctx: NodesRpcContext) {
  if (!ctx.nodes) throw new RpcError('UNAVAILABLE', 'node.invoke needs a running gateway with connected nodes');
  const result = await ctx.nodes.invoke(p);
  return { ok: true, nodeId: p.nodeId, command: p.command, result };
}

/** The approvals for a node (or the host): the file, where it is, and the effective policy. */
export function execApprovalsGet(p: { nodeId?: string; agentId?: string }, ctx: NodesRpcContext) {
  let nodeId = p.nodeId;
  if (nodeId) {
    const node = findNode(snapshotOf(ctx).nodes, nodeId);
    if (!node) throw new RpcError('NOT_FOUND', `unknown node: ${nodeId}`);
    nodeId = node.nodeId;
  }
  const file = approvalsFileFor(ctx.stateDir, nodeId);
  try {
    const parsed = readApprovalsFile(file);
    return { path: file, exists: fs.existsSync(file), nodeId: nodeId ?? null, file: parsed ?? null, effective: effectiveApprovals(parsed, p.agentId) };
  } catch (err) {
    if (err instanceof StateFileError) throw new RpcError('UNAVAILABLE', err.message);
    throw err;
  }
}

const nonEmpty = z.string().check(z.minLength(1));

const invokeParams = z.object({
  nodeId: nonEmpty,
  command: nonEmpty,
  params: z.optional(z.unknown()),
  timeoutMs: z.optional(z.number().check(z.int(), z.gte(1), z.lte(600_000))),
  approval: z.optional(z.enum(['allow-once', 'allow-always'])),
  agentId: z.optional(z.string()),
});

export const nodesRpcMethods: RpcMethod<SubsystemContext>[] = [
  defineRpc({ name: 'node.list', scope: 'operator.read', params: z.looseObject({}), handle: nodeList }),
  defineRpc({ name: 'node.describe', scope: 'operator.read', params: z.object({ nodeId: nonEmpty }), handle: nodeDescribe }),
  defineRpc({ name: 'node.invoke', scope: 'operator.write', params: invokeParams, handle: nodeInvoke }),
  defineRpc({ name: 'exec.approvals.get', scope: 'operator.approvals', params: z.object({ nodeId: z.optional(z.string()), agentId: z.optional(z.string()) }), handle: execApprovalsGet }),
];
