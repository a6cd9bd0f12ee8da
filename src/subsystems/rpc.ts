// Every subsystem RPC method, for the gateway to register in one loop. Handlers take
// `(params, ctx)`; the gateway adds to ctx what only it has: `cron` (its CronScheduler), `nodes`
// (its NodeRegistry), `runningAccounts` (channel accounts its transports serve).
import type { RpcMethod } from '../protocol/rpc.js';
import type { SubsystemContext } from './context.js';
import { browserRpcMethods } from './browser/rpc.js';
import { channelsRpcMethods } from './channels/rpc.js';
import { cronRpcMethods } from './cron/rpc.js';
import { heartbeatRpcMethods } from './heartbeat/rpc.js';
import { nodesRpcMethods } from './nodes/rpc.js';

export const subsystemRpcMethods: RpcMethod<SubsystemContext>[] = [...cronRpcMethods, ...heartbeatRpcMethods, ...channelsRpcMethods, ...nodesRpcMethods, ...browserRpcMethods];
