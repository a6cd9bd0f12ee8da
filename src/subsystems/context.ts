// What every subsystem handler receives from its host (the gateway, a CLI command or a test).
import type { JsonObject } from '../config/load.js';
import type { SubsystemLog } from './log.js';
import type * as z from '../zod.js';

export interface SubsystemContext {
  stateDir: string;
  /** The resolved config (after `${ENV}` substitution). */
  config: JsonObject;
  log: SubsystemLog;
  now?: () => number;
}

/** An RPC handler as the gateway registers it: validated params in, a JSON payload out. */
export type RpcHandler<P = unknown, R = unknown> = (params: P, ctx: SubsystemContext) => Promise<R> | R;

/** An error an RPC handler throws for the gateway to turn into `{ok:false, error:{code, message, details}}`. */
export class RpcError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

export function nowOf(ctx: { now?: () => number }): number {
  return ctx.now ? ctx.now() : Date.now();
}

export function objectAt(value: unknown): JsonObject {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}

/** One RPC method for the gateway's registry: its name, the scope it needs, a zod params schema and the handler. */
export interface RpcMethod<S extends z.ZodMiniType = z.ZodMiniType> {
  name: string;
  scope: 'operator.read' | 'operator.write' | 'operator.admin' | 'operator.approvals' | 'operator.pairing';
  params: S;
  handler: RpcHandler<z.output<S>>;
}

export function defineRpc<S extends z.ZodMiniType>(method: RpcMethod<S>): RpcMethod {
  return method as unknown as RpcMethod;
}

/** Validates params with the method's schema, then runs it; bad params become INVALID_REQUEST. */
export async function callRpc<C extends SubsystemContext>(method: RpcMethod, params: unknown, ctx: C): Promise<unknown> {
  const parsed = method.params.safeParse(params ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RpcError('INVALID_REQUEST', `invalid ${method.name} params: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return method.handler(parsed.data, ctx);
}
