// One RPC method type, one error and one scope list for every method the gateway serves: its own
// (src/gateway/methods) and the subsystems' (src/subsystems/*/rpc.ts). Only the context differs: a
// gateway method gets the runtime and the connection, a subsystem method the state dir and config.
import type * as z from '../zod.js';
import type { ErrorShape } from './frames.js';
import { UserError, type UserErrorReport } from '../user-error.js';

/** Every operator scope a method can require (reference §4). */
export const OPERATOR_SCOPES = ['operator.admin', 'operator.read', 'operator.write', 'operator.approvals', 'operator.pairing', 'operator.talk.secrets'] as const;

export type Scope = (typeof OPERATOR_SCOPES)[number];

export interface RpcMethod<Ctx> {
  name: string;
  /** The scope a caller needs; undefined means any authenticated connection (health). */
  scope?: Scope;
  /** Roles allowed to call it; operator only when absent. */
  roles?: string[];
  /** When set, params are validated before `handle` runs (callRpc); bad ones are INVALID_REQUEST. */
  params?: z.ZodMiniType;
  handle(params: any, ctx: Ctx): unknown | Promise<unknown>;
}

/** A failure a method reports to its caller as `res {ok:false, error}`. */
export class RpcError extends UserError {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'RpcError';
  }

  toShape(): ErrorShape {
    const shape: ErrorShape = { code: this.code, message: this.message };
    if (this.details) shape.details = this.details;
    if (this.retryAfterMs !== undefined) {
      shape.retryable = true;
      shape.retryAfterMs = this.retryAfterMs;
    }
    return shape;
  }

  /** To a command's user: a request the method refused as malformed is a usage error. */
  override report(): UserErrorReport {
    return { kind: this.code === 'INVALID_REQUEST' ? 'usage' : 'failed', message: this.message };
  }
}

/** Validates params with the method's schema, if it has one, then runs it. */
export async function callRpc<Ctx, C extends Ctx>(method: RpcMethod<Ctx>, params: unknown, ctx: C): Promise<unknown> {
  if (!method.params) return method.handle(params, ctx);
  const parsed = method.params.safeParse(params ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RpcError('INVALID_REQUEST', `invalid ${method.name} params: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return method.handle(parsed.data, ctx);
}
