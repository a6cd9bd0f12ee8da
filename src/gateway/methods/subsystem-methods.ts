// The subsystem RPC methods (cron, heartbeat, channels, nodes, browser) in the gateway's method table:
// the same method type and error (src/protocol/rpc.ts), given the context a subsystem handler takes.
// Plus `node.invoke.result`, which a node calls to answer a `node.invoke.request` event.
import * as z from '../../zod.js';
import { callRpc, RpcError, type RpcMethod } from '../../protocol/rpc.js';
import type { SubsystemContext } from '../../subsystems/context.js';
import { subsystemRpcMethods } from '../../subsystems/rpc.js';
import type { MethodContext, MethodDef } from './types.js';

function contextOf({ rt }: MethodContext) {
  const s = rt.settings;
  const log = rt.subsystems?.log ?? { info: () => undefined, warn: () => undefined, error: () => undefined };
  return { stateDir: s.stateDir, config: s.config, log, ...rt.subsystems?.rpcContext() };
}

/** The method with the gateway's context: params validated by its schema, then handled. */
function adapt(method: RpcMethod<SubsystemContext>): MethodDef {
  return { name: method.name, scope: method.scope, roles: method.roles, handle: (params, ctx) => callRpc(method, params, contextOf(ctx)) };
}

const invokeResult = z.object({
  id: z.string().check(z.minLength(1)),
  ok: z.boolean(),
  payload: z.optional(z.unknown()),
  error: z.optional(z.object({ code: z.optional(z.string()), message: z.optional(z.string()) })),
});

export const nodeInvokeResult: MethodDef = {
  name: 'node.invoke.result',
  roles: ['node'],
  handle(params, { rt, conn }) {
    const r = invokeResult.safeParse(params);
    if (!r.success) throw new RpcError('INVALID_REQUEST', `invalid node.invoke.result params: ${r.error.issues[0]?.message}`);
    const settled = rt.subsystems?.settleInvoke(conn.info.deviceId ?? conn.info.connId, r.data) ?? false;
    if (!settled) throw new RpcError('NOT_FOUND', `no pending invoke ${r.data.id} for this node`);
    return { ok: true };
  },
};

export const subsystemMethods: MethodDef[] = [...subsystemRpcMethods.map(adapt), nodeInvokeResult];
