// A real node on the wire: connects to the gateway with role "node" (its own device identity),
// declares the node host's caps/commands/permissions, and answers `node.invoke.request` events by
// running the command on the node host and calling `node.invoke.result`. Used by `openclaw node run`,
// the end-to-end tests and the demo.
import path from 'node:path';
import { connectGateway, type GatewayClient } from '../../client/connection.js';
import type { ProbeFailure } from '../../client/types.js';
import { hostApprovalsPath } from './approvals.js';
import { createNodeHost, NodeCommandError } from './node-host.js';

export interface NodeClientOptions {
  url: string;
  token?: string;
  password?: string;
  /** The gateway's state dir: the node keeps its identity under <stateDir>/node-host. */
  stateDir: string;
  displayName?: string;
  approvalsFile?: string;
  version?: string;
  timeoutMs?: number;
}

export interface RunningNode {
  nodeId: string;
  client: GatewayClient;
  close(): void;
}

interface InvokeRequestEvent {
  id: string;
  command: string;
  params?: unknown;
}

export async function startNodeClient(opts: NodeClientOptions): Promise<{ ok: true; node: RunningNode } | { ok: false; failure: ProbeFailure }> {
  const identityDir = path.join(opts.stateDir, 'node-host');
  let host: ReturnType<typeof createNodeHost> | undefined;
  let client: GatewayClient | undefined;
  const queued: InvokeRequestEvent[] = [];

  const answer = async (req: InvokeRequestEvent) => {
    try {
      const payload = await host!.handle(req.command, req.params);
      await client!.call('node.invoke.result', { id: req.id, ok: true, payload });
    } catch (err) {
      const code = err instanceof NodeCommandError ? err.code : 'NODE_INVOKE_FAILED';
      await client!.call('node.invoke.result', { id: req.id, ok: false, error: { code, message: (err as Error).message } });
    }
  };

  // The node id is the device id the gateway assigns from our identity; the host needs it only for display.
  const { loadOrCreateIdentity } = await import('../../client/identity.js');
  const identity = loadOrCreateIdentity(identityDir);
  host = createNodeHost({ nodeId: identity.deviceId, displayName: opts.displayName, approvalsFile: opts.approvalsFile ?? hostApprovalsPath(opts.stateDir) });

  const r = await connectGateway({
    url: opts.url,
    token: opts.token,
    password: opts.password,
    stateDir: identityDir,
    timeoutMs: opts.timeoutMs ?? 10_000,
    clientId: 'node-host',
    clientMode: 'node',
    role: 'node',
    version: opts.version,
    caps: host.info.caps,
    commands: host.info.commands,
    permissions: host.info.permissions,
    displayName: host.info.displayName,
    onEvent(event, payload) {
      if (event !== 'node.invoke.request') return;
      const req = payload as InvokeRequestEvent;
      if (client) void answer(req);
      else queued.push(req);
    },
  });
  if (!r.ok) return { ok: false, failure: r.failure };
  client = r.client;
  for (const req of queued.splice(0)) void answer(req);
  return { ok: true, node: { nodeId: identity.deviceId, client, close: () => r.client.close() } };
}
