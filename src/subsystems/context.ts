// What every subsystem handler receives from its host (the gateway, a CLI command or a test).
import type { JsonObject } from '../config/load.js';
import type { SubsystemLog } from './log.js';
import type * as z from '../zod.js';
import type { RpcMethod, Scope } from '../protocol/rpc.js';

export interface SubsystemContext {
  stateDir: string;
  /** The resolved config (after `${ENV}` substitution). */
  config: JsonObject;
  log: SubsystemLog;
  now?: () => number;
}

export function nowOf(ctx: { now?: () => number }): number {
  return ctx.now ? ctx.now() : Date.now();
}

export function objectAt(value: unknown): JsonObject {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}

/** Defines a subsystem RPC method: the one RPC method type (src/protocol/rpc.ts) with a zod params
 * schema and this context; `handle` receives the validated params. */
export function defineRpc<S extends z.ZodMiniType>(method: {
  name: string;
  scope: Scope;
  params: S;
  handle: (params: z.output<S>, ctx: SubsystemContext) => unknown | Promise<unknown>;
}): RpcMethod<SubsystemContext> {
  return method as RpcMethod<SubsystemContext>;
}
