// The shape of one RPC method. Adding a method: write methods/<name>.ts exporting a MethodDef and
// add it to the list in methods/index.ts.
import type { ErrorShape } from '../../protocol/frames.js';
import type { LiveConnection, Runtime } from '../runtime.js';

export type Scope = 'operator.admin' | 'operator.read' | 'operator.write' | 'operator.approvals' | 'operator.pairing' | 'operator.talk.secrets';

export interface MethodContext {
  rt: Runtime;
  conn: LiveConnection;
}

export interface MethodDef {
  name: string;
  /** The scope a caller needs; undefined means any authenticated connection (health). */
  scope?: Scope;
  /** Roles allowed to call it; operator only when absent. */
  roles?: string[];
  handle(params: any, ctx: MethodContext): unknown | Promise<unknown>;
}

/** A failure a method reports to its caller as `res {ok:false, error}`. */
export class MethodError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly retryAfterMs?: number,
  ) {
    super(message);
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
}

export function invalid(message: string): MethodError {
  return new MethodError('INVALID_REQUEST', message);
}

/** Reads a required string parameter or throws INVALID_REQUEST. */
export function stringParam(params: any, name: string): string {
  const v = params?.[name];
  if (typeof v !== 'string' || !v) throw invalid(`invalid params: ${name} (string) is required`);
  return v;
}
