// A gateway method's context and the small helpers its handlers share. Adding a method: write
// methods/<name>.ts exporting a MethodDef and add it to the list in methods/index.ts.
import { RpcError, type RpcMethod } from '../../protocol/rpc.js';
import type { LiveConnection, Runtime } from '../runtime.js';

export interface MethodContext {
  rt: Runtime;
  conn: LiveConnection;
}

/** A gateway method: the one RPC method type, with the running gateway as its context. */
export type MethodDef = RpcMethod<MethodContext>;

export function invalid(message: string): RpcError {
  return new RpcError('INVALID_REQUEST', message);
}

/** Reads a required string parameter or throws INVALID_REQUEST. */
export function stringParam(params: any, name: string): string {
  const v = params?.[name];
  if (typeof v !== 'string' || !v) throw invalid(`invalid params: ${name} (string) is required`);
  return v;
}
