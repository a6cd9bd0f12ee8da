// `last-heartbeat`: the last event the runner recorded, or null when none ran yet.
import * as z from '../../zod.js';
import { RpcError, type RpcMethod } from '../../protocol/rpc.js';
import { defineRpc, type SubsystemContext } from '../context.js';
import { StateFileError } from '../json-file.js';
import { readLastHeartbeat, type HeartbeatEvent } from './runner.js';

export function lastHeartbeat(_p: unknown, ctx: SubsystemContext): HeartbeatEvent | null {
  try {
    return readLastHeartbeat(ctx.stateDir);
  } catch (err) {
    if (err instanceof StateFileError) throw new RpcError('UNAVAILABLE', err.message);
    throw err;
  }
}

export const heartbeatRpcMethods: RpcMethod<SubsystemContext>[] = [defineRpc({ name: 'last-heartbeat', scope: 'operator.read', params: z.looseObject({}), handle: lastHeartbeat })];
