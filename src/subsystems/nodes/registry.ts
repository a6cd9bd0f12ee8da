// Nodes: devices connected with `role: "node"` that declare capabilities, the commands they accept
// and their OS permissions. The registry guards `node.invoke`: unknown command, app in the background,
// missing OS permission, and `system.run` through exec approvals, each with upstream's error code.
// A snapshot (nodes and their recent errors) is kept in `<stateDir>/nodes/registry.json` for the CLI and the doctor.
import path from 'node:path';
import { RpcError } from '../../protocol/rpc.js';
import { readJsonFile, writeJsonFile } from '../json-file.js';
import type { SubsystemLog } from '../log.js';
import { effectiveApprovals, evaluateSystemRun, hostApprovalsPath, nodeApprovalsPath, readApprovalsFile } from './approvals.js';
import fs from 'node:fs';

export type PermissionState = 'granted' | 'denied' | 'prompt' | 'unknown';

export interface NodeInfo {
  nodeId: string;
  displayName?: string;
  platform?: string;
  remoteIp?: string;
  caps: string[];
  commands: string[];
  permissions: Record<string, PermissionState>;
  /** False when the app reports it is in the background (iOS/Android can't use camera/screen then). */
  foreground?: boolean;
  connected: boolean;
  connectedAt?: number;
  lastSeenAt?: number;
}

export interface NodeError {
  at: number;
  nodeId: string;
  command: string;
  code: string;
  message: string;
}

export interface NodesSnapshot {
  nodes: NodeInfo[];
  recentErrors: NodeError[];
}

const MAX_ERRORS = 50;

/** Which OS permission a command family needs, and the error code upstream uses when it is missing. */
const PERMISSIONS: Array<{ prefix: string; permission: string; code: string; foreground?: boolean }> = [
  { prefix: 'camera.', permission: 'camera', code: 'CAMERA_PERMISSION_REQUIRED', foreground: true },
  { prefix: 'screen.', permission: 'screenRecording', code: 'SCREEN_RECORDING_PERMISSION_REQUIRED', foreground: true },
  { prefix: 'location.', permission: 'location', code: 'LOCATION_PERMISSION_REQUIRED' },
  { prefix: 'mic.', permission: 'microphone', code: 'MIC_PERMISSION_REQUIRED', foreground: true },
  { prefix: 'talk.', permission: 'microphone', code: 'MIC_PERMISSION_REQUIRED', foreground: true },
  { prefix: 'photos.', permission: 'photos', code: 'PHOTOS_PERMISSION_REQUIRED' },
  { prefix: 'contacts.', permission: 'contacts', code: 'CONTACTS_PERMISSION_REQUIRED' },
  { prefix: 'calendar.', permission: 'calendar', code: 'CALENDAR_PERMISSION_REQUIRED' },
];

export function permissionFor(command: string) {
  return PERMISSIONS.find((p) => command.startsWith(p.prefix));
}

export function nodesSnapshotPath(stateDir: string): string {
  return path.join(stateDir, 'nodes', 'registry.json');
}

export function readNodesSnapshot(stateDir: string): NodesSnapshot {
  return readJsonFile<NodesSnapshot>(nodesSnapshotPath(stateDir)) ?? { nodes: [], recentErrors: [] };
}

/** Finds a node by id, display name or IP (what `--node <idOrNameOrIp>` accepts). */
export function findNode(nodes: NodeInfo[], key: string): NodeInfo | undefined {
  const k = key.trim().toLowerCase();
  return nodes.find((n) => n.nodeId.toLowerCase() === k) ?? nodes.find((n) => n.displayName?.toLowerCase() === k) ?? nodes.find((n) => n.remoteIp === key.trim());
}

/** The approvals that govern `system.run` on a node: its own file when it reported one, else the host's. */
export function approvalsFileFor(stateDir: string, nodeId?: string): string {
  if (nodeId) {
    const own = nodeApprovalsPath(stateDir, nodeId);
    if (fs.existsSync(own)) return own;
  }
  return hostApprovalsPath(stateDir);
}

export type NodeTransport = (nodeId: string, command: string, params: unknown, timeoutMs: number) => Promise<unknown>;

export interface InvokeRequest {
  nodeId: string;
  command: string;
  params?: unknown;
  timeoutMs?: number;
  /** An operator's decision for a system.run that needed approval. */
  approval?: 'allow-once' | 'allow-always';
  agentId?: string;
}

export class NodeRegistry {
  private readonly nodes = new Map<string, NodeInfo>();
  private recentErrors: NodeError[] = [];
  private readonly now: () => number;

  constructor(private readonly opts: { stateDir: string; log: SubsystemLog; transport?: NodeTransport; now?: () => number }) {
    this.now = opts.now ?? Date.now;
    const snap = (() => {
      try {
        return readNodesSnapshot(opts.stateDir);
      } catch {
        return { nodes: [], recentErrors: [] };
      }
    })();
    // Nodes from a previous run are known but not connected until they reconnect.
    for (const n of snap.nodes) this.nodes.set(n.nodeId, { ...n, connected: false });
    this.recentErrors = snap.recentErrors ?? [];
  }

  connect(info: Omit<NodeInfo, 'connected' | 'connectedAt' | 'lastSeenAt'>): NodeInfo {
    const node: NodeInfo = { ...info, caps: [...info.caps], commands: [...info.commands], connected: true, connectedAt: this.now(), lastSeenAt: this.now() };
    this.nodes.set(node.nodeId, node);
    this.persist();
    return node;
  }

  disconnect(nodeId: string): void {
    const n = this.nodes.get(nodeId);
    if (!n) return;
    n.connected = false;
    n.lastSeenAt = this.now();
    this.persist();
  }

  /** A node reports a change (came to the foreground, permission granted). */
  update(nodeId: string, patch: Partial<Pick<NodeInfo, 'foreground' | 'permissions' | 'commands' | 'caps'>>): void {
    const n = this.nodes.get(nodeId);
    if (!n) return;
    Object.assign(n, patch, { lastSeenAt: this.now() });
    this.persist();
  }

  list(): NodeInfo[] {
    return [...this.nodes.values()];
  }

  describe(key: string): NodeInfo {
    const n = findNode(this.list(), key);
    if (!n) throw new RpcError('NOT_FOUND', `unknown node: ${key}`);
    return n;
  }

  snapshot(): NodesSnapshot {
    return { nodes: this.list(), recentErrors: this.recentErrors };
  }

  private persist(): void {
    try {
      writeJsonFile(nodesSnapshotPath(this.opts.stateDir), this.snapshot());
    } catch (err) {
      this.opts.log.error(`nodes: cannot write the registry snapshot: ${(err as Error).message}`);
    }
  }

  private fail(nodeId: string, command: string, code: string, message: string, details: Record<string, unknown> = {}): never {
    this.recentErrors = [...this.recentErrors, { at: this.now(), nodeId, command, code, message }].slice(-MAX_ERRORS);
    this.persist();
    this.opts.log.warn(message, { nodeId, command, code });
    throw new RpcError(code, message, { nodeId, command, ...details });
  }

  /** `node.invoke`: every guard in order, then the transport. */
  async invoke(req: InvokeRequest): Promise<unknown> {
    const node = findNode(this.list(), req.nodeId);
    if (!node || !node.connected) this.fail(req.nodeId, req.command, 'NODE_NOT_CONNECTED', `node not connected: ${req.nodeId}`);
    const id = node.nodeId;
    if (!node.commands.includes(req.command)) this.fail(id, req.command, 'COMMAND_NOT_ALLOWED', `node ${id} does not declare command ${req.command}`, { commands: node.commands });
    const perm = permissionFor(req.command);
    if (perm?.foreground && node.foreground === false) this.fail(id, req.command, 'NODE_BACKGROUND_UNAVAILABLE', `NODE_BACKGROUND_UNAVAILABLE: ${req.command} needs the node app in the foreground`);
    if (perm && node.permissions[perm.permission] !== 'granted') {
      this.fail(id, req.command, perm.code, `${perm.code}: grant ${perm.permission} to the node app (${node.permissions[perm.permission] ?? 'unknown'})`, { permission: perm.permission });
    }
    if (req.command === 'system.run') {
      const argv = Array.isArray((req.params as { command?: unknown })?.command) ? ((req.params as { command: unknown[] }).command.map(String) as string[]) : [];
      const file = approvalsFileFor(this.opts.stateDir, id);
      const verdict = evaluateSystemRun(argv, effectiveApprovals(readApprovalsFile(file), req.agentId), req.approval);
      if (!verdict.allowed) this.fail(id, req.command, verdict.code, verdict.message, { reason: verdict.reason, executable: argv[0], approvalsFile: file });
    }
    if (!this.opts.transport) this.fail(id, req.command, 'UNAVAILABLE', `no transport to node ${id}`);
    try {
      const result = await this.opts.transport(id, req.command, req.params, req.timeoutMs ?? 30_000);
      node.lastSeenAt = this.now();
      return result;
    } catch (err) {
      if (err instanceof RpcError) throw err;
      const e = err as Error & { code?: string };
      // A node reports its own failures with upstream codes (e.g. a permission revoked since connect).
      const code = e.code && /^[A-Z_]+$/.test(e.code) ? e.code : 'NODE_INVOKE_FAILED';
      return this.fail(id, req.command, code, e.message);
    }
  }
}
