// Browser control over the gateway: `browser.status|start|stop|profiles {profile?}`, the same
// operations as the CLI. Upstream's error strings come back as the RPC error message, with the
// error code (`attach-only-not-running`, `cdp-start-failed`, …) in details.
import * as z from '../../zod.js';
import { RpcError, type RpcMethod } from '../../protocol/rpc.js';
import { defineRpc, type SubsystemContext } from '../context.js';
import { BrowserError } from './config.js';
import { listProfiles, profileStatus, startProfile, stopProfile } from './service.js';

async function guarded<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof BrowserError) throw new RpcError(err.configError ? 'INVALID_REQUEST' : 'UNAVAILABLE', err.message, { code: err.code });
    throw err;
  }
}

const profileParam = z.object({ profile: z.optional(z.string()) });

export const browserRpcMethods: RpcMethod<SubsystemContext>[] = [
  defineRpc({ name: 'browser.status', scope: 'operator.read', params: profileParam, handle: (p, ctx: SubsystemContext) => guarded(() => profileStatus(ctx, p.profile)) }),
  defineRpc({ name: 'browser.profiles', scope: 'operator.read', params: z.looseObject({}), handle: (_p, ctx: SubsystemContext) => guarded(() => ({ profiles: listProfiles(ctx) })) }),
  defineRpc({ name: 'browser.start', scope: 'operator.write', params: profileParam, handle: (p, ctx: SubsystemContext) => guarded(() => startProfile(ctx, p.profile)) }),
  defineRpc({ name: 'browser.stop', scope: 'operator.write', params: profileParam, handle: (p, ctx: SubsystemContext) => guarded(() => stopProfile(ctx, p.profile)) }),
];
