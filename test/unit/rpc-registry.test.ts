// One RPC registry: every method the gateway serves, its own or a subsystem's, has the one method
// type, requires a scope from the one list, and fails with the one error type.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { METHODS } from '../../src/gateway/methods/index.js';
import type { MethodContext } from '../../src/gateway/methods/types.js';
import { callRpc, OPERATOR_SCOPES, RpcError } from '../../src/protocol/rpc.js';
import { defineRpc } from '../../src/subsystems/context.js';
import { silentLog } from '../../src/subsystems/log.js';
import * as z from '../../src/zod.js';

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) fs.rmSync(t, { recursive: true, force: true });
});

function ctxFor(): MethodContext {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-rpc-'));
  temps.push(stateDir);
  return { rt: { settings: { stateDir, config: {} } } as never, conn: { info: { connId: 'c1', role: 'operator' } } as never };
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => undefined,
    (err: unknown) => err,
  );
}

describe('one RPC registry', () => {
  it('every method requires a scope from the one list, or none', () => {
    for (const m of METHODS) if (m.scope) expect(OPERATOR_SCOPES, m.name).toContain(m.scope);
    expect(new Set(METHODS.map((m) => m.name)).size).toBe(METHODS.length);
  });

  it('a subsystem method may require operator.talk.secrets, which the subsystems scope list lacked', async () => {
    const secret = defineRpc({ name: 'talk.secret', scope: 'operator.talk.secrets', params: z.object({ id: z.string() }), handle: (p) => ({ id: p.id }) });
    expect(secret.scope).toBe('operator.talk.secrets');
    const ctx = { stateDir: os.tmpdir(), config: {}, log: silentLog };
    expect(await callRpc(secret, { id: 'a' }, ctx)).toEqual({ id: 'a' });
    const bad = await rejection(callRpc(secret, {}, ctx));
    expect(bad).toBeInstanceOf(RpcError);
    expect((bad as RpcError).toShape().code).toBe('INVALID_REQUEST');
  });

  it('a gateway method and a subsystem method fail with the same error type', async () => {
    const byName = new Map(METHODS.map((m) => [m.name, m]));
    const ctx = ctxFor();
    const fromSubsystem = await rejection(Promise.resolve().then(() => byName.get('cron.remove')!.handle({ id: 'job_nope' }, ctx)));
    const fromGateway = await rejection(Promise.resolve().then(() => byName.get('device.pair.approve')!.handle({}, ctx)));
    expect(fromSubsystem).toBeInstanceOf(RpcError);
    expect(fromGateway).toBeInstanceOf(RpcError);
    expect((fromSubsystem as RpcError).code).toBe('NOT_FOUND');
    expect((fromGateway as RpcError).code).toBe('INVALID_REQUEST');
  });
});
