// The exact messages users see for bad configs, frames, catalog entries and RPC params. The schemas
// use zod/mini, which ships no locale: src/zod.ts configures English. Without it every built-in
// message below would read "Invalid input". These are the messages classic zod produced (they were
// compared input by input when the schemas moved to zod/mini). This file must not import classic
// `zod`, which would configure English by itself and hide a missing locale.
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/schema.js';
import { anyFrame, connectParams, describeIssues, requestFrame } from '../../src/protocol/frames.js';
import { causesFileSchema, signatureSchema } from '../../src/signatures/schema.js';
import { callRpc } from '../../src/protocol/rpc.js';
import type { SubsystemContext } from '../../src/subsystems/context.js';
import { cronRpcMethods } from '../../src/subsystems/cron/rpc.js';
import { silentLog } from '../../src/subsystems/log.js';
import { nodesRpcMethods } from '../../src/subsystems/nodes/rpc.js';
import * as z from '../../src/zod.js';

const issuesOf = (r: { success: boolean; error?: z.core.$ZodError }) => r.error?.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message }));

describe('zod/mini messages', () => {
  it('are English through src/zod.ts', () => {
    expect(z.string().safeParse(1).error?.issues[0].message).toBe('Invalid input: expected string, received number');
  });

  // The config's messages are our own (src/config/schema.ts): the value found, and what is allowed.
  it('config: numbers out of range, not whole, or of the wrong type, with the value found', () => {
    expect(validateConfig({ gateway: { port: 70000 } })).toEqual([{ path: 'gateway.port', code: 'too_big', message: '70000 is out of range: must be at most 65535' }]);
    expect(validateConfig({ gateway: { port: 1.5 } })).toEqual([{ path: 'gateway.port', code: 'invalid_type', message: 'expected a whole number, found a number (1.5)' }]);
    expect(validateConfig({ gateway: { port: '18789' } })).toEqual([{ path: 'gateway.port', code: 'invalid_type', message: 'expected a number, found a string ("18789"); write it without quotes: 18789' }]);
    expect(validateConfig({ gateway: { port: '18789x' } })).toEqual([{ path: 'gateway.port', code: 'invalid_type', message: 'expected a number, found a string ("18789x")' }]);
    expect(validateConfig({ models: { providers: { local: { models: [{ contextWindow: -1 }] } } } })).toEqual([
      { path: 'models.providers.local.models[0].contextWindow', code: 'too_small', message: '-1 is out of range: must be at least 1' },
    ]);
    expect(validateConfig({ cron: { enabled: 'yes' } })).toEqual([{ path: 'cron.enabled', code: 'invalid_type', message: 'expected a boolean, found a string ("yes")' }]);
    expect(validateConfig([])).toEqual([{ path: '(root)', code: 'invalid_type', message: 'expected an object, found a list' }]);
  });

  it('config: unknown keys name the key meant; wrong enum values list the allowed ones; a bad HH:MM', () => {
    expect(validateConfig({ gateway: { prot: 1, token: 'x', bindd: 'lan', frobnicate: true } })).toEqual([
      { path: 'gateway.prot', code: 'unrecognized_keys', message: 'unknown key "prot"; did you mean "port"?', didYouMean: 'gateway.port' },
      { path: 'gateway.token', code: 'unrecognized_keys', message: 'legacy key: gateway.token is not read; the token belongs in gateway.auth.token' },
      { path: 'gateway.bindd', code: 'unrecognized_keys', message: 'unknown key "bindd"; did you mean "bind"?', didYouMean: 'gateway.bind' },
      { path: 'gateway.frobnicate', code: 'unrecognized_keys', message: 'unknown key "frobnicate"' },
    ]);
    expect(validateConfig({ gateway: { auth: { tokne: 'x' } } })).toEqual([
      { path: 'gateway.auth.tokne', code: 'unrecognized_keys', message: 'unknown key "tokne"; did you mean "token"?', didYouMean: 'gateway.auth.token' },
    ]);
    expect(validateConfig({ gateway: { mode: 'cloud', bind: 'public', auth: { mode: 'magic' } } })).toEqual([
      { path: 'gateway.mode', code: 'invalid_value', message: '"cloud" is not allowed here; use one of: local, remote', allowed: ['local', 'remote'] },
      { path: 'gateway.bind', code: 'invalid_union', message: '"public" is not allowed here; use one of: loopback, lan, tailnet, custom, auto', allowed: ['loopback', 'lan', 'tailnet', 'custom', 'auto'] },
      { path: 'gateway.auth.mode', code: 'invalid_value', message: '"magic" is not allowed here; use one of: none, token, password, trusted-proxy', allowed: ['none', 'token', 'password', 'trusted-proxy'] },
    ]);
    expect(validateConfig({ agents: { defaults: { heartbeat: { activeHours: { start: '8am' } } } } })).toEqual([
      { path: 'agents.defaults.heartbeat.activeHours.start', code: 'invalid_format', message: '"8am": expected HH:MM' },
    ]);
  });

  it('frames: zod messages and the upstream-style summary', () => {
    const base = { minProtocol: 3, maxProtocol: 3, client: { id: 'cli', version: '1', platform: 'linux', mode: 'cli' } };
    const curl = connectParams.safeParse({ ...base, client: { ...base.client, id: 'curl' } });
    expect(curl.error && describeIssues(curl.error)).toBe('at /client/id: must be equal to one of the allowed values');
    expect(curl.error?.issues[0].message).toMatch(/^Invalid option: expected one of "webchat-ui"\|/);
    const long = connectParams.safeParse({ ...base, scopes: Array(65).fill('x'), client: { ...base.client, version: 'a'.repeat(5000) } });
    expect(issuesOf(long)).toEqual([
      { path: 'client.version', code: 'too_big', message: 'Too big: expected string to have <=4096 characters' },
      { path: 'scopes', code: 'too_big', message: 'Too big: expected array to have <=64 items' },
    ]);
    expect(long.error && describeIssues(long.error)).toBe('at /client/version: must NOT have more than 4096 characters; at /scopes: must NOT have more than 64 items');
    expect(issuesOf(requestFrame.safeParse({ type: 'req', id: '', method: 1 }))).toEqual([
      { path: 'id', code: 'too_small', message: 'Too small: expected string to have >=1 characters' },
      { path: 'method', code: 'invalid_type', message: 'Invalid input: expected string, received number' },
    ]);
    expect(issuesOf(anyFrame.safeParse({ type: 'other' }))).toEqual([{ path: 'type', code: 'invalid_union', message: "Invalid discriminator value. Expected 'req' | 'res' | 'event'" }]);
  });

  it('catalog entries: custom and built-in messages', () => {
    const sig = { id: 'a.b', cause: 'c', severity: 'fatal', match: { any: ['ab', ' abc', 'a"bc'] }, explain: '', fix: { commands: [] }, examples: { match: ['x'] } };
    expect(issuesOf(signatureSchema.safeParse(sig))).toEqual([
      { path: 'severity', code: 'invalid_value', message: 'Invalid option: expected one of "info"|"warning"|"error"' },
      { path: 'match.any.0', code: 'too_small', message: 'an anchor needs at least 3 characters' },
      { path: 'match.any.1', code: 'custom', message: 'anchors have no leading or trailing spaces' },
      { path: 'match.any.2', code: 'custom', message: 'anchors contain no " or \\ (they would be escaped inside JSON)' },
      { path: 'explain', code: 'too_small', message: 'Too small: expected string to have >=1 characters' },
      { path: 'fix.commands', code: 'too_small', message: 'Too small: expected array to have >=1 items' },
    ]);
    const causes = causesFileSchema.safeParse({ Bad_Id: { area: 'a', title: 't', explanation: 'e', fix: { commands: ['x'] } } });
    expect(issuesOf(causes)).toEqual([{ path: 'Bad_Id', code: 'invalid_key', message: 'Invalid key in record' }]);
  });

  it('RPC params: INVALID_REQUEST names the param and the problem', async () => {
    const ctx: SubsystemContext = { stateDir: '/nonexistent', config: {}, log: silentLog };
    const methods = [...cronRpcMethods, ...nodesRpcMethods];
    const failure = (name: string, params: unknown) => callRpc(methods.find((m) => m.name === name)!, params, ctx).then(() => 'accepted', (e: Error) => e.message);
    expect(await failure('cron.runs', { id: 'a', limit: 0 })).toBe('invalid cron.runs params: limit: Too small: expected number to be >=1');
    expect(await failure('cron.add', { schedule: { kind: 'every', everyMs: 0 } })).toBe('invalid cron.add params: schedule.everyMs: Too small: expected number to be >0');
    expect(await failure('cron.remove', {})).toBe('invalid cron.remove params: id: Invalid input: expected string, received undefined');
    expect(await failure('node.invoke', { nodeId: '', command: 'x' })).toBe('invalid node.invoke params: nodeId: Too small: expected string to have >=1 characters');
  });
});
