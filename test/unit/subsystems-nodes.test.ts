import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/protocol/rpc.js';
import { effectiveApprovals, evaluateSystemRun } from '../../src/subsystems/nodes/approvals.js';
import { collectNodesFact } from '../../src/facts/nodes.js';
import { NodeRegistry, readNodesSnapshot } from '../../src/subsystems/nodes/registry.js';
import { nodesRpcMethods } from '../../src/subsystems/nodes/rpc.js';
import { memoryLog } from '../../src/subsystems/log.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function stateDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-nodes-'));
  dirs.push(d);
  return d;
}
const rpc = (n: string) => nodesRpcMethods.find((m) => m.name === n)!;

describe('exec approvals', () => {
  it.each([
    ['allowlisted by path glob', { allowlist: ['/usr/bin/*'] }, ['/usr/bin/ls'], 'allowed'],
    ['allowlisted by bare name', { allowlist: ['git'] }, ['/usr/local/bin/git', 'status'], 'allowed'],
    ['miss with ask off', { ask: 'off', allowlist: ['git'] }, ['rm', '-rf', '/'], 'SYSTEM_RUN_DENIED: allowlist miss'],
    ['miss with ask on-miss', { ask: 'on-miss', allowlist: ['git'] }, ['curl'], 'SYSTEM_RUN_DENIED: approval required'],
    ['ask always even when listed', { ask: 'always', allowlist: ['git'] }, ['git'], 'SYSTEM_RUN_DENIED: approval required'],
    ['security full', { security: 'full', ask: 'off' }, ['anything'], 'allowed'],
    ['security deny', { security: 'deny' }, ['ls'], 'SYSTEM_RUN_DENIED: security deny'],
  ])('%s', (_n, file, argv, expected) => {
    const v = evaluateSystemRun(argv as string[], effectiveApprovals(file as never));
    expect(v.allowed ? 'allowed' : v.message).toBe(expected);
  });
  it('an operator approval lets an approval-required run through', () => {
    expect(evaluateSystemRun(['curl'], effectiveApprovals({ ask: 'on-miss' }), 'allow-once').allowed).toBe(true);
  });
  it('layers defaults, "*" and the agent', () => {
    const e = effectiveApprovals({ defaults: { security: 'allowlist', ask: 'off', allowlist: ['ls'] }, agents: { '*': { allowlist: ['cat'] }, ops: { ask: 'always' } } }, 'ops');
    expect(e).toEqual({ security: 'allowlist', ask: 'always', allowlist: ['ls', 'cat'] });
  });
});

describe('NodeRegistry and node RPCs', () => {
  function setup() {
    const dir = stateDir();
    const log = memoryLog();
    const calls: string[] = [];
    const nodes = new NodeRegistry({
      stateDir: dir,
      log,
      transport: async (id, command) => {
        calls.push(`${id}:${command}`);
        if (command === 'location.get') throw Object.assign(new Error('LOCATION_PERMISSION_REQUIRED: revoked'), { code: 'LOCATION_PERMISSION_REQUIRED' });
        return { done: true };
      },
    });
    nodes.connect({
      nodeId: 'n1',
      displayName: 'Pixel',
      remoteIp: '10.0.0.5',
      platform: 'android',
      caps: ['camera', 'system'],
      commands: ['camera.snap', 'screen.record', 'system.run', 'location.get'],
      permissions: { camera: 'denied', screenRecording: 'granted', location: 'granted' },
      foreground: true,
    });
    return { dir, log, calls, nodes, ctx: { stateDir: dir, config: {}, log, nodes } };
  }

  it('lists and describes by id, name or IP', async () => {
    const { ctx } = setup();
    expect(((await callRpc(rpc('node.list'), {}, ctx)) as { nodes: unknown[] }).nodes).toHaveLength(1);
    expect(await callRpc(rpc('node.describe'), { nodeId: 'pixel' }, ctx)).toMatchObject({ node: { nodeId: 'n1' } });
    expect(await callRpc(rpc('node.describe'), { nodeId: '10.0.0.5' }, ctx)).toMatchObject({ node: { nodeId: 'n1' } });
    await expect(callRpc(rpc('node.describe'), { nodeId: 'x' }, ctx)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('guards invoke with upstream codes and records them', async () => {
    const { ctx, nodes, calls, dir, log } = setup();
    const invoke = (command: string, params?: unknown) => callRpc(rpc('node.invoke'), { nodeId: 'n1', command, params }, ctx);
    await expect(invoke('camera.snap')).rejects.toMatchObject({ code: 'CAMERA_PERMISSION_REQUIRED' });
    await expect(invoke('system.run', { command: ['curl', 'x'] })).rejects.toMatchObject({ code: 'SYSTEM_RUN_DENIED', message: 'SYSTEM_RUN_DENIED: approval required' });
    fs.writeFileSync(path.join(dir, 'exec-approvals.json'), JSON.stringify({ ask: 'off', allowlist: ['ls'] }));
    await expect(invoke('system.run', { command: ['curl'] })).rejects.toMatchObject({ message: 'SYSTEM_RUN_DENIED: allowlist miss' });
    expect(await invoke('system.run', { command: ['ls', '-l'] })).toMatchObject({ ok: true, result: { done: true } });
    nodes.update('n1', { foreground: false });
    await expect(invoke('screen.record')).rejects.toMatchObject({ code: 'NODE_BACKGROUND_UNAVAILABLE' });
    await expect(invoke('location.get')).rejects.toMatchObject({ code: 'LOCATION_PERMISSION_REQUIRED' });
    await expect(invoke('sms.send')).rejects.toMatchObject({ code: 'COMMAND_NOT_ALLOWED' });
    expect(calls).toEqual(['n1:system.run', 'n1:location.get']);
    expect(log.lines()).toContain('SYSTEM_RUN_DENIED: allowlist miss');
    const snap = readNodesSnapshot(dir);
    expect(snap.recentErrors.map((e) => e.code)).toEqual([
      'CAMERA_PERMISSION_REQUIRED',
      'SYSTEM_RUN_DENIED',
      'SYSTEM_RUN_DENIED',
      'NODE_BACKGROUND_UNAVAILABLE',
      'LOCATION_PERMISSION_REQUIRED',
      'COMMAND_NOT_ALLOWED',
    ]);
    // A new registry (gateway restart) knows the node but not as connected.
    const again = new NodeRegistry({ stateDir: dir, log });
    expect(again.list()[0]).toMatchObject({ nodeId: 'n1', connected: false });
    await expect(again.invoke({ nodeId: 'n1', command: 'camera.snap' })).rejects.toMatchObject({ code: 'NODE_NOT_CONNECTED' });
  });

  it('exec.approvals.get prefers the node file and the fact reads everything', async () => {
    const { ctx, dir } = setup();
    fs.mkdirSync(path.join(dir, 'nodes', 'n1'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'nodes', 'n1', 'exec-approvals.json'), JSON.stringify({ security: 'full' }));
    expect(await callRpc(rpc('exec.approvals.get'), { nodeId: 'Pixel' }, ctx)).toMatchObject({ nodeId: 'n1', exists: true, effective: { security: 'full' } });
    expect(await callRpc(rpc('exec.approvals.get'), {}, { ...ctx, nodes: undefined })).toMatchObject({ exists: false, effective: { security: 'allowlist', ask: 'on-miss' } });
    fs.writeFileSync(path.join(dir, 'exec-approvals.json'), JSON.stringify({ security: 'sometimes' }));
    await expect(callRpc(rpc('exec.approvals.get'), {}, ctx)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    const fact = collectNodesFact({ stateDir: dir, config: {} });
    expect(fact.ok && fact.value.approvals.find((a) => a.nodeId === null)?.error).toMatch(/not a valid exec-approvals file/);
  });
});

describe('the local node host end to end through the registry', () => {
  it('runs an allowlisted command as a real process and denies the rest', async () => {
    const { createNodeHost } = await import('../../src/subsystems/nodes/node-host.js');
    const dir = stateDir();
    const approvalsFile = path.join(dir, 'nodes', 'host-1', 'exec-approvals.json');
    fs.mkdirSync(path.dirname(approvalsFile), { recursive: true });
    fs.writeFileSync(approvalsFile, JSON.stringify({ security: 'allowlist', ask: 'off', allowlist: [process.execPath] }));
    const host = createNodeHost({ nodeId: 'host-1', approvalsFile });
    const log = memoryLog();
    const nodes = new NodeRegistry({ stateDir: dir, log, transport: (_id, cmd, params) => host.handle(cmd, params) });
    nodes.connect(host.info);
    const ok = (await nodes.invoke({ nodeId: 'host-1', command: 'system.run', params: { command: [process.execPath, '-e', 'console.log(6*7)'] } })) as { exitCode: number; stdout: string };
    expect(ok).toMatchObject({ exitCode: 0, stdout: '42' });
    await expect(nodes.invoke({ nodeId: 'host-1', command: 'system.run', params: { command: ['sh', '-c', 'echo hi'] } })).rejects.toMatchObject({ message: 'SYSTEM_RUN_DENIED: allowlist miss' });
    const which = (await nodes.invoke({ nodeId: 'host-1', command: 'system.which', params: { bins: ['sh', 'no-such-binary-x'] } })) as { bins: Record<string, string | null> };
    expect(which.bins['no-such-binary-x']).toBeNull();
    expect(which.bins.sh).toMatch(/\/sh$/);
  });
});
