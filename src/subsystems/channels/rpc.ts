// The channel RPC methods, beside every other subsystem's (src/subsystems/<x>/rpc.ts).
import * as z from '../../zod.js';
import type { RpcMethod } from '../../protocol/rpc.js';
import { defineRpc, type SubsystemContext } from '../context.js';
import { channelsStatus } from './status.js';

export const channelsRpcMethods: RpcMethod<SubsystemContext>[] = [
  defineRpc({
    name: 'channels.status',
    scope: 'operator.read',
    params: z.object({ probe: z.optional(z.boolean()), timeoutMs: z.optional(z.number().check(z.int(), z.gte(100), z.lte(60_000))) }),
    handle: channelsStatus,
  }),
];
