// The subsystem RPC methods (cron, heartbeat, channels, nodes, browser) as gateway methods: each keeps
// its scope and zod params; an RpcError becomes the error frame with its code, message and details.
// Plus `node.invoke.result`, which a node calls to answer a `node.invoke.request` event.
import * as z from '../../zod.js';
import { callRpc, RpcError, type RpcMethod } from '../../subsystems/context.js';
import { subsystemRpcMethods } from '../../subsystems/rpc.js';
import { MethodError, type MethodContext, type MethodDef } from './types.js';

function contextOf({ rt }: MethodContext) {
  const s = rt.settings;
  const log = rt.subsystems?.log ?? { info: () => undefined, warn: () => undefined, error: () => undefined };
  return { stateDir: s.stateDir, config: s.config, log, ...rt.subsystems?.rpcContext() };
}

function adapt(method: RpcMethod): MethodDef {
  return {
    name: method.name,
    scope: method.scope,
    async handle(params, ctx) {
      try {
        return await callRpc(method, params, contextOf(ctx));
      } catch (err) {
        if (err instanceof RpcError) throw new MethodError(err.code, err.message, err.details);
        throw err;
      }
    },
  };
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
    if (!r.success) throw new MethodError('INVALID_REQUEST', `invalid node.invoke.result params: ${r.error.issues[0]?.message}`);
    const settled = rt.subsystems?.settleInvoke(conn.info.deviceId ?? conn.info.connId, r.data) ?? false;
    if (!settled) throw new MethodError('NOT_FOUND', `no pending invoke ${r.data.id} for this node`);
    return { ok: true };
  },
};

export const subsystemMethods: MethodDef[] = [...subsystemRpcMethods.map(adapt), nodeInvokeResult];
