import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveAccount, resolveAccounts } from '../../src/subsystems/channels/accounts.js';
import { lastContactAcross, readAccountState } from '../../src/subsystems/channels/account-state.js';
import { approvePairingCode, listPairingRequests, MAX_PENDING_PER_ACCOUNT, upsertPairingRequest } from '../../src/subsystems/channels/pairing-store.js';
import { compileMentionPatterns, evaluateInbound, type InboundMessage } from '../../src/subsystems/channels/policy.js';
import { channelsStatus } from '../../src/subsystems/channels/status.js';
import { createWebhookHttpHandler, deliverWebhook } from '../../src/subsystems/channels/webhook.js';
import { memoryLog } from '../../src/subsystems/log.js';

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-ch-'));
  cleanups.push(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

/** A real HTTP server on 127.0.0.1:0 that records requests and answers with the given status/body. */
async function receiver(answer: { status: number; body?: string } = { status: 200, body: '{"ok":true}' }) {
  const got: Array<{ auth?: string; body: any }> = [];
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      got.push({ auth: req.headers.authorization, body: JSON.parse(data || '{}') });
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got, answer };
}

const dm = (from: string, text = 'hi'): InboundMessage => ({ channel: 'webhook', accountId: 'default', chatType: 'direct', from, text });
const group = (groupId: string, text: string, from = 'u1'): InboundMessage => ({ channel: 'webhook', accountId: 'default', chatType: 'group', from, groupId, text });

describe('channel policy', () => {
  const acct = (cfg: Record<string, unknown>) => resolveAccount({ channels: { webhook: cfg } }, 'webhook')!;
  it.each([
    ['pairing: unknown sender asks to pair', { dmPolicy: 'pairing' }, dm('u9'), 'pairing'],
    ['pairing: allowlisted sender passes', { dmPolicy: 'pairing', allowFrom: ['u9'] }, dm('user:U9'), 'accept'],
    ['allowlist miss is blocked', { dmPolicy: 'allowlist', allowFrom: ['a'] }, dm('b'), 'drop:allowlist'],
    ['open with * accepts anyone', { dmPolicy: 'open', allowFrom: ['*'] }, dm('zz'), 'accept'],
    ['open without * is blocked', { dmPolicy: 'open' }, dm('zz'), 'drop:open-without-wildcard'],
    ['disabled drops DMs', { dmPolicy: 'disabled' }, dm('a'), 'drop:dm-disabled'],
    ['group not in allowlist', { groups: { eng: {} } }, group('ops', '@bot hi'), 'drop:group-allowlist'],
    ['group needs a mention', { groups: { eng: {} } }, group('eng', 'hello'), 'drop:no-mention'],
    ['group mention via flag', { groups: { eng: {} } }, { ...group('eng', 'hello'), mentioned: true }, 'accept'],
    ['group without mention requirement', { groups: { eng: { requireMention: false } } }, group('eng', 'hello'), 'accept'],
    ['groupPolicy open with wildcard group', { groupPolicy: 'open' }, { ...group('x', 'hey'), mentioned: true }, 'accept'],
    ['group sender allowlist', { groups: { eng: { allowFrom: ['boss'], requireMention: false } } }, group('eng', 'x', 'intern'), 'drop:group-allowlist'],
    ['groupPolicy disabled', { groupPolicy: 'disabled' }, group('eng', 'x'), 'drop:group-disabled'],
  ])('%s', (_n, cfg, msg, expected) => {
    const d = evaluateInbound(msg as InboundMessage, acct(cfg));
    expect(d.action === 'drop' ? `drop:${d.reason}` : d.action).toBe(expected);
  });
  it('uses messages.groupChat.mentionPatterns and rejects unsafe patterns', () => {
    const { patterns, rejected } = compileMentionPatterns({ messages: { groupChat: { mentionPatterns: ['\\bclaw\\b', '(a+)+$', '[bad'] } } });
    expect(rejected).toEqual(['(a+)+$', '[bad']);
    const a = acct({ groups: { eng: {} } });
    expect(evaluateInbound(group('eng', 'hey Claw, status?'), a, { mentionPatterns: patterns }).action).toBe('accept');
    const d = evaluateInbound(group('eng', 'hey team'), a, { mentionPatterns: patterns });
    expect(d).toMatchObject({ action: 'drop', reason: 'no-mention' });
    expect((d as { line: string }).line).toContain('drop guild message (mention required');
    expect((d as { line: string }).line).toContain('reason: "no-mention"');
  });
  it('merges account settings over the channel', () => {
    const accts = resolveAccounts({ channels: { webhook: { dmPolicy: 'allowlist', accounts: { a: {}, b: { dmPolicy: 'open' } } } } }, 'webhook');
    expect(accts.map((a) => `${a.accountId}:${a.dmPolicy}`)).toEqual(['a:allowlist', 'b:open']);
  });
});

describe('pairing store', () => {
  it('creates, refreshes, caps, lists and approves requests', () => {
    const dir = tmp();
    const first = upsertPairingRequest(dir, { channel: 'webhook', accountId: 'default', senderId: 'u1' }, 1000);
    expect(first.created).toBe(true);
    expect(upsertPairingRequest(dir, { channel: 'webhook', accountId: 'default', senderId: 'u1' }, 2000)).toMatchObject({ created: false, request: { code: first.request!.code } });
    for (let i = 2; i <= MAX_PENDING_PER_ACCOUNT; i++) upsertPairingRequest(dir, { channel: 'webhook', accountId: 'default', senderId: `u${i}` }, 3000);
    expect(upsertPairingRequest(dir, { channel: 'webhook', accountId: 'default', senderId: 'late' }, 3000)).toMatchObject({ full: true });
    expect(listPairingRequests(dir, 'webhook', { now: 4000 })).toHaveLength(MAX_PENDING_PER_ACCOUNT);
    expect(listPairingRequests(dir, 'webhook', { now: 3000 + 61 * 60_000 })).toHaveLength(0); // expired
    const approved = approvePairingCode(dir, 'webhook', first.request!.code.toLowerCase(), { now: 5000 });
    expect(approved.senderId).toBe('u1');
    expect(() => approvePairingCode(dir, 'webhook', 'NOPE1234', { now: 5000 })).toThrow(/no pending pairing request/);
  });
});

describe('webhook channel over real HTTP', () => {
  async function gateway(config: Record<string, unknown>, onMessage?: (m: InboundMessage) => string | void) {
    const stateDir = tmp();
    const log = memoryLog();
    const handle = createWebhookHttpHandler({ stateDir, getConfig: () => config, log, onMessage });
    const server = http.createServer((req, res) => {
      void handle(req, res).then((handled) => {
        if (!handled) {
          res.writeHead(404);
          res.end();
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const post = (p: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(base + p, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    return { stateDir, log, post };
  }

  it('pairs an unknown sender: logs, stores the request, sends the code outbound', async () => {
    const out = await receiver();
    const gw = await gateway({ channels: { webhook: { url: out.url, token: 'out-token-123' } } });
    const res = await gw.post('/channels/webhook', { from: 'u7', text: 'hello' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { reason: string; pairingCode: string };
    expect(body.reason).toBe('pairing');
    expect(gw.log.lines().some((l) => l.startsWith('pairing request from "u7"'))).toBe(true);
    expect(out.got[0]).toMatchObject({ auth: 'Bearer out-token-123', body: { to: 'u7', kind: 'pairing' } });
    expect(out.got[0].body.text).toContain(body.pairingCode);
    expect(listPairingRequests(gw.stateDir, 'webhook')[0].senderId).toBe('u7');
    approvePairingCode(gw.stateDir, 'webhook', body.pairingCode);
    const again = await gw.post('/channels/webhook', { from: 'u7', text: 'hello' });
    expect(again.status).toBe(202);
  });

  it('accepts, replies, and remembers the last contact', async () => {
    const out = await receiver();
    const gw = await gateway({ channels: { webhook: { url: out.url, dmPolicy: 'open', allowFrom: ['*'] } } }, (m) => `echo: ${m.text}`);
    const res = await gw.post('/channels/webhook', { from: 'u1', text: 'ping' });
    expect(res.status).toBe(202);
    expect(out.got[0].body).toMatchObject({ to: 'u1', text: 'echo: ping' });
    expect(lastContactAcross(gw.stateDir)).toEqual({ channel: 'webhook', accountId: 'default', to: 'u1', chatType: 'direct' });
  });

  it('drops unmentioned group messages with upstream wording and counts them', async () => {
    const gw = await gateway({ channels: { webhook: { groups: { eng: {} } } } });
    await gw.post('/channels/webhook', { from: 'u1', groupId: 'eng', text: 'anyone?' });
    expect(gw.log.lines()[0]).toMatch(/^drop guild message \(mention required\) reason: "no-mention"/);
    expect(readAccountState(gw.stateDir, 'webhook', 'default')).toMatchObject({ inbound: 1, drops: { 'no-mention': 1 } });
  });

  it('requires the account secret (constant-time) and validates bodies', async () => {
    const gw = await gateway({ channels: { webhook: { accounts: { ops: { secret: 's3cret-value', dmPolicy: 'disabled' } } } } });
    expect((await gw.post('/channels/webhook/ops', { from: 'a', text: 'x' })).status).toBe(401);
    expect((await gw.post('/channels/webhook/ops', { from: 'a', text: 'x' }, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await gw.post('/channels/webhook/ops', '{bad', { authorization: 'Bearer s3cret-value' })).status).toBe(400);
    expect((await gw.post('/channels/webhook/nobody', { from: 'a', text: 'x' })).status).toBe(404);
    const ok = await gw.post('/channels/webhook/ops', { from: 'a', text: 'x' }, { 'x-webhook-secret': 's3cret-value' });
    expect(await ok.json()).toMatchObject({ accepted: false, reason: 'dm-disabled' });
    expect(gw.log.lines()).toContain('blocked dm from a (dmPolicy: disabled)');
  });
});

describe('outbound delivery and channels.status', () => {
  it('surfaces 403 missing_scope and 401, and probes report works', async () => {
    const scope = await receiver({ status: 403, body: '{"ok":false,"error":"missing_scope"}' });
    const unauth = await receiver({ status: 401, body: 'nope' });
    const fine = await receiver();
    const acct = (url: string) => resolveAccount({ channels: { webhook: { url } } }, 'webhook')!;
    expect(await deliverWebhook(acct(scope.url), { to: 'a', text: 'x' })).toMatchObject({ ok: false, status: 403, code: 'missing_scope', message: 'HTTP 403 Forbidden: missing_scope' });
    expect(await deliverWebhook(acct(unauth.url), { to: 'a', text: 'x' })).toMatchObject({ ok: false, status: 401, code: 'unauthorized' });
    expect(await deliverWebhook(acct('http://127.0.0.1:1/'), { to: 'a', text: 'x' })).toMatchObject({ ok: false, code: 'unreachable' });

    const stateDir = tmp();
    const config = { channels: { webhook: { accounts: { good: { url: fine.url }, bad: { url: scope.url }, none: {} } }, telegram: { dmPolicy: 'pairing' } } };
    const r = await channelsStatus({ probe: true }, { stateDir, config, log: memoryLog() });
    const by = Object.fromEntries(r.channels.map((c) => [`${c.channel}/${c.accountId}`, c]));
    expect(by['webhook/good'].probe).toEqual({ ok: true, result: 'works' });
    expect(by['webhook/bad'].probe).toMatchObject({ ok: false, code: 'missing_scope' });
    expect(by['webhook/none']).toMatchObject({ configured: false, probe: { ok: false, code: 'not_configured' } });
    expect(by['telegram/default']).toMatchObject({ transport: 'unsupported', running: null });
  });
});

describe('heartbeat over the webhook channel', () => {
  it('delivers a heartbeat and records a 403 as a failed event', async () => {
    const { HeartbeatRunner } = await import('../../src/subsystems/heartbeat/runner.js');
    const { webhookHeartbeatDelivery } = await import('../../src/subsystems/channels/webhook.js');
    const denied = await receiver({ status: 403, body: '{"error":"not_in_channel"}' });
    const stateDir = tmp();
    const config = { agents: { defaults: { heartbeat: { target: 'webhook', to: 'group:eng' } } }, channels: { webhook: { url: denied.url } } };
    const log = memoryLog();
    const runner = new HeartbeatRunner({ stateDir, getConfig: () => config, log, deliver: webhookHeartbeatDelivery({ stateDir, getConfig: () => config, log }) });
    expect(await runner.beat()).toMatchObject({ status: 'failed', error: 'HTTP 403 Forbidden: not_in_channel' });
    expect(readAccountState(stateDir, 'webhook', 'default').lastError).toMatchObject({ code: 'not_in_channel', status: 403 });
    expect(log.lines()).toContain('webhook delivery failed: HTTP 403 Forbidden: not_in_channel');
  });
});
