// The subsystems a running gateway hosts: the cron scheduler, the heartbeat runner, the node registry
// and the webhook channel. One object owns their lifecycle (start with the server, stop on shutdown,
// follow hot reloads) and gives RPC handlers the context only a running gateway has.
import type { IncomingMessage, ServerResponse } from 'node:http';
import crypto from 'node:crypto';
import type { JsonObject } from '../config/load.js';
import type { SubsystemLog } from '../subsystems/log.js';
import { CronScheduler, defaultCronRunner } from '../subsystems/cron/scheduler.js';
import { cronEnabled } from '../subsystems/cron/view.js';
import { cronStorePath } from '../subsystems/cron/store.js';
import { HeartbeatRunner } from '../subsystems/heartbeat/runner.js';
import { NodeRegistry, type NodeInfo, type PermissionState } from '../subsystems/nodes/registry.js';
import { createWebhookHttpHandler, webhookHeartbeatDelivery, WEBHOOK_CHANNEL, type RouteAuthLimit, type WebhookChannelOptions } from '../subsystems/channels/webhook.js';
import { lastContactAcross } from '../subsystems/channels/account-state.js';
import { resolveAccounts } from '../subsystems/channels/accounts.js';
import { objectAt } from '../subsystems/context.js';
import type { GatewayLogger } from './logger.js';
import type { LiveConnection } from './live-connection.js';
import { quotePeer } from '../system/untrusted-text.js';

/** A subsystem logger writing into the gateway's JSON-lines log under its own subsystem name. */
function logFor(logger: GatewayLogger, subsystem: string): SubsystemLog {
  const l = logger.child(subsystem);
  return { info: (m, f) => l.info(m, f), warn: (m, f) => l.warn(m, f), error: (m, f) => l.error(m, f) };
}

interface PendingInvoke {
  nodeId: string;
  resolve(value: unknown): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

/** The error a node reports for a failed invoke, keeping its upstream code. */
class NodeReportedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface NodeConnectParams {
  caps?: string[];
  commands?: string[];
  permissions?: Record<string, unknown>;
  displayName?: string;
  platform?: string;
}

export class GatewaySubsystems {
  readonly cron: CronScheduler;
  readonly heartbeat: HeartbeatRunner;
  readonly nodes: NodeRegistry;
  /** Channel accounts our transports serve, as "<channel>:<accountId>". */
  readonly runningAccounts = new Set<string>();
  readonly requestsInFlight = { count: 0 };
  private readonly nodeSockets = new Map<string, LiveConnection>();
  private readonly pending = new Map<string, PendingInvoke>();
  private readonly webhook: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  readonly log: SubsystemLog;

  constructor(
    private readonly opts: { stateDir: string; getConfig: () => JsonObject; logger: GatewayLogger; webhookAuthLimit?: RouteAuthLimit },
  ) {
    const config = opts.getConfig();
    this.log = logFor(opts.logger, 'gateway');
    const storePath = cronStorePath(opts.stateDir, config as { cron?: { store?: unknown } });
    this.cron = new CronScheduler({ storePath, enabled: cronEnabled(config), log: logFor(opts.logger, 'cron'), runner: defaultCronRunner(storePath) });
    const channelOpts: WebhookChannelOptions = { stateDir: opts.stateDir, getConfig: opts.getConfig, log: logFor(opts.logger, 'channels/webhook'), authLimit: opts.webhookAuthLimit };
    this.webhook = createWebhookHttpHandler(channelOpts);
    this.heartbeat = new HeartbeatRunner({
      stateDir: opts.stateDir,
      getConfig: opts.getConfig,
      log: logFor(opts.logger, 'heartbeat'),
      deliver: webhookHeartbeatDelivery(channelOpts),
      requestsInFlight: () => this.requestsInFlight.count,
      lastContact: () => safe(() => lastContactAcross(opts.stateDir)),
    });
    this.nodes = new NodeRegistry({ stateDir: opts.stateDir, log: logFor(opts.logger, 'nodes'), transport: (nodeId, command, params, timeoutMs) => this.sendInvoke(nodeId, command, params, timeoutMs) });
  }

  start(): void {
    this.refreshAccounts();
    this.cron.start();
    this.heartbeat.start();
  }

  stop(): void {
    this.cron.stop();
    this.heartbeat.stop();
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new NodeReportedError('UNAVAILABLE', 'gateway stopping'));
      this.pending.delete(id);
    }
  }

  /** A hot reload: the scheduler switch and the served accounts follow the new config. */
  reconfigure(next: JsonObject): void {
    this.cron.setEnabled(cronEnabled(next));
    this.refreshAccounts();
  }

  private refreshAccounts(): void {
    this.runningAccounts.clear();
    if (!Object.hasOwn(objectAt(this.opts.getConfig().channels), WEBHOOK_CHANNEL)) return;
    for (const a of safe(() => resolveAccounts(this.opts.getConfig(), WEBHOOK_CHANNEL)) ?? []) if (a.enabled) this.runningAccounts.add(`${WEBHOOK_CHANNEL}:${a.accountId}`);
  }

  /** The webhook channel's inbound route; false when the path is not ours. */
  handleHttp(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    return this.webhook(req, res);
  }

  /** What subsystem RPC handlers get besides stateDir/config/log. */
  rpcContext() {
    return { cron: this.cron, nodes: this.nodes, runningAccounts: this.runningAccounts };
  }

  nodeConnected(conn: LiveConnection, p: NodeConnectParams): NodeInfo {
    const nodeId = conn.info.deviceId ?? conn.info.connId;
    this.nodeSockets.set(nodeId, conn);
    const permissions: Record<string, PermissionState> = {};
    for (const [k, v] of Object.entries(p.permissions ?? {})) {
      permissions[k] = v === true || v === 'granted' ? 'granted' : v === false || v === 'denied' ? 'denied' : v === 'prompt' ? 'prompt' : 'unknown';
    }
    const node = this.nodes.connect({
      nodeId,
      displayName: p.displayName,
      platform: p.platform,
      remoteIp: conn.info.remoteIp,
      caps: p.caps ?? [],
      commands: p.commands ?? [],
      permissions,
      foreground: true,
    });
    // The command names are the node's own words: quoted, so they never match a log signature.
    this.log.info(`node connected node=${nodeId} commands=${node.commands.length ? quotePeer(node.commands.join(',')) : '-'}`);
    return node;
  }

  nodeDisconnected(conn: LiveConnection): void {
    const nodeId = conn.info.deviceId ?? conn.info.connId;
    if (this.nodeSockets.get(nodeId) !== conn) return;
    this.nodeSockets.delete(nodeId);
    this.nodes.disconnect(nodeId);
    for (const [id, p] of this.pending) {
      if (p.nodeId !== nodeId) continue;
      clearTimeout(p.timer);
      p.reject(new NodeReportedError('NODE_NOT_CONNECTED', `node disconnected: ${nodeId}`));
      this.pending.delete(id);
    }
    this.log.info(`node disconnected node=${nodeId}`);
  }

  /** Sends `node.invoke.request` to the node's socket and waits for its `node.invoke.result`. */
  private sendInvoke(nodeId: string, command: string, params: unknown, timeoutMs: number): Promise<unknown> {
    const conn = this.nodeSockets.get(nodeId);
    if (!conn) return Promise.reject(new NodeReportedError('NODE_NOT_CONNECTED', `node not connected: ${nodeId}`));
    const id = crypto.randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new NodeReportedError('NODE_INVOKE_TIMEOUT', `node ${nodeId} did not answer ${command} within ${timeoutMs}ms`));
      }, timeoutMs);
      timer.unref();
      this.pending.set(id, { nodeId, resolve, reject, timer });
      conn.send({ type: 'event', event: 'node.invoke.request', payload: { id, nodeId, command, params, timeoutMs } });
    });
  }

  /** A node's answer to an invoke; only the node the request went to may settle it. */
  settleInvoke(nodeId: string, r: { id: string; ok: boolean; payload?: unknown; error?: { code?: string; message?: string } }): boolean {
    const p = this.pending.get(r.id);
    if (!p || p.nodeId !== nodeId) return false;
    this.pending.delete(r.id);
    clearTimeout(p.timer);
    if (r.ok) p.resolve(r.payload);
    else p.reject(new NodeReportedError(r.error?.code ?? 'NODE_INVOKE_FAILED', r.error?.message ?? 'node invoke failed'));
    return true;
  }
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
