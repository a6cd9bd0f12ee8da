// The adapter that serves the subsystem RPCs from the gateway's method table: scopes kept, params
// validated by each method's zod schema, an RpcError reaches the caller with code, message and details.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { METHOD_TABLE } from '../../src/gateway/methods/index.js';
import type { MethodContext } from '../../src/gateway/methods/types.js';
import { RpcError } from '../../src/protocol/rpc.js';
import { subsystemRpcMethods } from '../../src/subsystems/rpc.js';

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) fs.rmSync(t, { recursive: true, force: true });
});

function ctxFor(config: Record<string, unknown> = {}): MethodContext {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-gwm-'));
  temps.push(stateDir);
  return { rt: { settings: { stateDir, config } } as never, conn: { info: { connId: 'c1', role: 'operator' } } as never };
}

async function call(method: string, params: unknown, ctx: MethodContext): Promise<unknown> {
  return METHOD_TABLE.get(method)!.handle(params, ctx);
}

async function failure(method: string, params: unknown, ctx: MethodContext): Promise<RpcError> {
  try {
    await call(method, params, ctx);
  } catch (err) {
    expect(err).toBeInstanceOf(RpcError);
    return err as RpcError;
  }
  throw new Error(`${method} did not fail`);
}

describe('subsystem methods in the gateway method table', () => {
  it('registers every subsystem method with its scope and operator-only role', () => {
    for (const m of subsystemRpcMethods) {
      const def = METHOD_TABLE.get(m.name);
      expect(def, m.name).toBeDefined();
      expect(def!.scope).toBe(m.scope);
      expect(def!.roles).toBeUndefined();
    }
    expect(subsystemRpcMethods.length).toBeGreaterThanOrEqual(16);
    expect(METHOD_TABLE.get('node.invoke.result')!.roles).toEqual(['node']);
  });

  it('adds and runs a cron job, and maps NOT_FOUND and bad params to error frames', async () => {
    const ctx = ctxFor({ cron: { enabled: false } });
    const added = (await call('cron.add', { name: 'x', schedule: { kind: 'every', everyMs: 60_000 } }, ctx)) as { job: { id: string } };
    const ran = (await call('cron.run', { id: added.job.id }, ctx)) as { entry: { status: string } };
    expect(ran.entry.status).toBe('ok');
    const missing = await failure('cron.run', { id: 'job_nope' }, ctx);
    expect(missing.toShape()).toEqual({ code: 'NOT_FOUND', message: 'unknown cron job: job_nope' });
    const bad = await failure('cron.runs', { id: added.job.id, limit: 0 }, ctx);
    expect(bad.code).toBe('INVALID_REQUEST');
    expect(bad.message).toMatch(/^invalid cron.runs params: limit/);
  });

  it('node.invoke without a running registry is UNAVAILABLE; a stray node.invoke.result is NOT_FOUND', async () => {
    const ctx = ctxFor();
    expect((await failure('node.invoke', { nodeId: 'n1', command: 'system.run' }, ctx)).code).toBe('UNAVAILABLE');
    expect((await failure('node.invoke.result', { id: 'r1', ok: true }, ctx)).code).toBe('NOT_FOUND');
    expect((await failure('node.invoke.result', { ok: true }, ctx)).code).toBe('INVALID_REQUEST');
  });

  it('last-heartbeat and channels.status answer from the state dir', async () => {
    const ctx = ctxFor({ channels: { webhook: { dmPolicy: 'pairing' } } });
    expect(await call('last-heartbeat', {}, ctx)).toBeNull();
    const st = (await call('channels.status', {}, ctx)) as { channels: Array<{ channel: string; running: unknown }> };
    expect(st.channels).toEqual([expect.objectContaining({ channel: 'webhook', running: null })]);
  });
});
