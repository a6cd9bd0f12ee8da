// The built-in `webhook` channel: inbound POSTs on the gateway's HTTP port at
// `/channels/webhook/<accountId>` (shared secret, constant-time compared), outbound deliveries
// POSTed to the account's `url` with its `token`. Every drop, pairing request and delivery failure
// is logged with upstream's wording and recorded in the account state.
import { quotePeer } from '../../system/untrusted-text.js';
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JsonObject } from '../../config/load.js';
import { isLoopbackHost } from '../../system/loopback.js';
import { requestPath } from '../../system/request-target.js';
import type { SubsystemLog } from '../log.js';
import { resolveAccount, type AccountSettings } from './accounts.js';
import { updateAccountState, type DeliveryError } from './account-state.js';
import { readApprovedSenders, upsertPairingRequest } from './pairing-store.js';
import { compileMentionPatterns, evaluateInbound, type InboundMessage } from './policy.js';

export const WEBHOOK_CHANNEL = 'webhook';
export const WEBHOOK_PATH_PREFIX = '/channels/webhook';
const MAX_BODY = 256 * 1024;

export interface OutboundMessage {
  to: string;
  text: string;
  kind?: 'message' | 'pairing' | 'heartbeat' | 'probe';
}

export type DeliveryResult = { ok: true; status: number } | ({ ok: false } & Omit<DeliveryError, 'at'>);

/** Reads upstream-style permission codes out of an error body (Slack-like JSON or plain text). */
export function permissionCodeOf(body: string): string | undefined {
  for (const code of ['missing_scope', 'not_in_channel']) if (body.includes(code)) return code;
  return undefined;
}

/** POSTs one message to the account's URL; 401/403 and scope errors come back as codes, never throw. */
export async function deliverWebhook(account: AccountSettings, msg: OutboundMessage, opts: { timeoutMs?: number; fetchImpl?: typeof fetch } = {}): Promise<DeliveryResult> {
  const url = account.raw.url;
  if (typeof url !== 'string' || !url) return { ok: false, code: 'not_configured', message: `no outbound url: set channels.webhook${account.accountId === 'default' ? '' : `.accounts.${account.accountId}`}.url` };
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (typeof account.raw.token === 'string' && account.raw.token) headers.authorization = `Bearer ${account.raw.token}`;
  let res: Response;
  try {
    res = await (opts.fetchImpl ?? fetch)(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ accountId: account.accountId, ...msg }),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError') return { ok: false, code: 'timeout', message: `no answer from ${url} within ${opts.timeoutMs ?? 5000}ms` };
    return { ok: false, code: 'unreachable', message: `${url} is not reachable: ${e.cause?.code ?? e.message}` };
  }
  const body = await res.text().catch(() => '');
  if (res.ok) return { ok: true, status: res.status };
  const scope = permissionCodeOf(body);
  const code = scope ?? (res.status === 401 ? 'unauthorized' : res.status === 403 ? 'forbidden' : 'http_error');
  const statusText = res.statusText || (res.status === 403 ? 'Forbidden' : res.status === 401 ? 'Unauthorized' : '');
  return { ok: false, status: res.status, code, message: `HTTP ${res.status}${statusText ? ` ${statusText}` : ''}${scope ? `: ${scope}` : ''}` };
}

export interface WebhookChannelOptions {
  stateDir: string;
  getConfig: () => JsonObject;
  log: SubsystemLog;
  /** Hands an accepted message to the agent; a returned string is sent back as the reply. */
  onMessage?: (msg: InboundMessage) => Promise<string | void> | string | void;
  now?: () => number;
  fetchImpl?: typeof fetch;
  /** The gateway's failed-auth limiter for account secrets; without it wrong secrets are not limited. */
  authLimit?: RouteAuthLimit;
}

/** A failed-auth limiter as a route sees it, keyed by the request's client. */
export interface RouteAuthLimit {
  /** Milliseconds this client must wait; 0 when it may try. */
  lockedMs(req: IncomingMessage): number;
  failed(req: IncomingMessage): void;
  succeeded(req: IncomingMessage): void;
}

/** Sends to an account and records the outcome; failures are logged with the status and permission code. */
export async function sendAndRecord(opts: WebhookChannelOptions, account: AccountSettings, msg: OutboundMessage): Promise<DeliveryResult> {
  const r = await deliverWebhook(account, msg, { fetchImpl: opts.fetchImpl });
  const now = (opts.now ?? Date.now)();
  updateAccountState(opts.stateDir, WEBHOOK_CHANNEL, account.accountId, (s) => {
    if (r.ok) {
      s.lastOutboundAt = now;
      delete s.lastError;
    } else s.lastError = { at: now, status: r.status, code: r.code, message: r.message };
  });
  if (!r.ok) opts.log.warn(`webhook delivery failed: ${r.message}`, { channel: WEBHOOK_CHANNEL, accountId: account.accountId, status: r.status, code: r.code });
  return r;
}

function secretMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = crypto.createHash('sha256').update(expected).digest();
  const b = crypto.createHash('sha256').update(given).digest();
  return crypto.timingSafeEqual(a, b);
}

function reply(res: ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
  return true;
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Processes one inbound message through the policy (used by the HTTP handler and by tests). */
export async function receiveWebhookMessage(opts: WebhookChannelOptions, account: AccountSettings, msg: InboundMessage): Promise<{ accepted: boolean; reason?: string; pairingCode?: string; reply?: string }> {
  const config = opts.getConfig();
  const now = (opts.now ?? Date.now)();
  const { patterns } = compileMentionPatterns(config);
  const decision = evaluateInbound(msg, account, { approvedSenders: readApprovedSenders(opts.stateDir, WEBHOOK_CHANNEL), mentionPatterns: patterns });
  const meta = { channel: WEBHOOK_CHANNEL, accountId: account.accountId, from: msg.from, groupId: msg.groupId };
  const recordDrop = (reason: 'pairing' | Exclude<typeof decision, { action: 'accept' | 'pairing' }>['reason']) =>
    updateAccountState(opts.stateDir, WEBHOOK_CHANNEL, account.accountId, (s) => {
      s.inbound++;
      s.lastInboundAt = now;
      s.drops[reason] = (s.drops[reason] ?? 0) + 1;
      s.lastDrop = { at: now, reason, from: msg.from, groupId: msg.groupId };
    });

  if (decision.action === 'drop') {
    opts.log.info(decision.line, { ...meta, reason: decision.reason });
    recordDrop(decision.reason);
    return { accepted: false, reason: decision.reason };
  }
  if (decision.action === 'pairing') {
    const r = upsertPairingRequest(opts.stateDir, { channel: WEBHOOK_CHANNEL, accountId: account.accountId, senderId: msg.from }, now);
    if (!r.request) {
      opts.log.warn(`pairing request not created for ${msg.from}: too many pending requests`, meta);
      recordDrop('pairing-full');
      return { accepted: false, reason: 'pairing-full' };
    }
    opts.log.info(`pairing request from ${quotePeer(msg.from)} (code ${r.request.code})`, { ...meta, code: r.request.code, created: r.created });
    recordDrop('pairing');
    if (r.created) {
      await sendAndRecord(opts, account, {
        to: msg.from,
        kind: 'pairing',
        text: `OpenClaw: access not configured. Pairing code: ${r.request.code}. Ask the owner to run: \`openclaw pairing approve --channel webhook ${r.request.code}\``,
      });
    }
    return { accepted: false, reason: 'pairing', pairingCode: r.request.code };
  }
  updateAccountState(opts.stateDir, WEBHOOK_CHANNEL, account.accountId, (s) => {
    s.inbound++;
    s.accepted++;
    s.lastInboundAt = now;
    s.lastContact = { to: msg.chatType === 'group' ? `group:${msg.groupId}` : msg.from, chatType: msg.chatType, at: now };
  });
  const answer = await opts.onMessage?.(msg);
  if (typeof answer === 'string' && answer) {
    await sendAndRecord(opts, account, { to: msg.chatType === 'group' ? `group:${msg.groupId}` : msg.from, text: answer });
    return { accepted: true, reply: answer };
  }
  return { accepted: true };
}

/**
 * The HTTP handler the gateway mounts for `POST /channels/webhook[/<accountId>]`. Returns false for
 * other paths. Body: `{from, text, chatType?: "direct"|"group", groupId?, mentioned?}`. Auth: the
 * account's `secret` as `Authorization: Bearer …` or `X-Webhook-Secret`; without a secret only
 * loopback callers are accepted.
 */
export function createWebhookHttpHandler(opts: WebhookChannelOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const pathname = requestPath(req.url);
    if (!pathname || (pathname !== WEBHOOK_PATH_PREFIX && !pathname.startsWith(`${WEBHOOK_PATH_PREFIX}/`))) return false;
    if (req.method !== 'POST') return reply(res, 405, { ok: false, error: 'use POST' });
    let accountId: string;
    try {
      accountId = decodeURIComponent(pathname.slice(WEBHOOK_PATH_PREFIX.length + 1)) || 'default';
    } catch {
      return reply(res, 400, { ok: false, error: 'malformed account id in path' });
    }
    const account = resolveAccount(opts.getConfig(), WEBHOOK_CHANNEL, accountId);
    if (!account || !account.enabled || !Object.hasOwn(Object(opts.getConfig().channels), WEBHOOK_CHANNEL)) return reply(res, 404, { ok: false, error: `unknown webhook account: ${accountId}` });
    const secret = account.raw.secret;
    if (typeof secret === 'string' && secret) {
      const lockedMs = opts.authLimit?.lockedMs(req) ?? 0;
      if (lockedMs > 0) {
        res.setHeader('retry-after', String(Math.ceil(lockedMs / 1000)));
        return reply(res, 429, { ok: false, error: 'too many failed authentication attempts (retry later)' });
      }
      const auth = req.headers.authorization;
      const given = auth?.startsWith('Bearer ') ? auth.slice(7) : (req.headers['x-webhook-secret'] as string | undefined);
      if (!secretMatches(secret, given)) {
        opts.authLimit?.failed(req);
        return reply(res, 401, { ok: false, error: 'unauthorized' });
      }
      opts.authLimit?.succeeded(req);
    } else if (!isLoopbackHost(req.socket.remoteAddress)) {
      return reply(res, 401, { ok: false, error: 'unauthorized: set a secret on this webhook account to accept non-loopback callers' });
    }
    const text = await readBody(req);
    if (text === undefined) return reply(res, 413, { ok: false, error: 'payload too large' });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return reply(res, 400, { ok: false, error: 'body must be JSON' });
    }
    if (typeof body.from !== 'string' && typeof body.from !== 'number') return reply(res, 400, { ok: false, error: 'missing "from"' });
    if (typeof body.text !== 'string') return reply(res, 400, { ok: false, error: 'missing "text"' });
    const chatType = body.chatType === 'group' || body.groupId !== undefined ? 'group' : 'direct';
    const msg: InboundMessage = {
      channel: WEBHOOK_CHANNEL,
      accountId,
      chatType,
      from: String(body.from),
      groupId: body.groupId === undefined ? undefined : String(body.groupId),
      text: body.text,
      mentioned: body.mentioned === true,
    };
    const r = await receiveWebhookMessage(opts, account, msg);
    return reply(res, r.accepted ? 202 : 200, { ok: true, ...r });
  };
}

/** A HeartbeatRunner `deliver` for webhook targets: throws with the delivery error so the event records it. */
export function webhookHeartbeatDelivery(opts: WebhookChannelOptions) {
  return async (delivery: { channel: string; accountId: string; to: string }, prompt: string): Promise<void> => {
    if (delivery.channel !== WEBHOOK_CHANNEL) throw new Error(`channel "${delivery.channel}" has no transport in the embedded runtime`);
    const account = resolveAccount(opts.getConfig(), WEBHOOK_CHANNEL, delivery.accountId);
    if (!account) throw new Error(`unknown webhook account: ${delivery.accountId}`);
    const r = await sendAndRecord(opts, account, { to: delivery.to, text: prompt, kind: 'heartbeat' });
    if (!r.ok) throw new Error(r.message);
  };
}
