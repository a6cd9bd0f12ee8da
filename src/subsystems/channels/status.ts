// `channels.status {probe, timeoutMs}`: per account, the transport, its configuration, what the state
// file recorded (last inbound/outbound, drops, last delivery error), pending pairing requests, and
// with `probe` a live outbound check whose result is `works` or the error.
import type { SubsystemContext } from '../context.js';
import { channelTypes, resolveAccounts, type AccountSettings } from './accounts.js';
import { readAccountState, type ChannelAccountState } from './account-state.js';
import { listPairingRequests } from './pairing-store.js';
import { deliverWebhook, WEBHOOK_CHANNEL } from './webhook.js';

export interface AccountStatus {
  channel: string;
  accountId: string;
  enabled: boolean;
  /** How messages travel: the webhook transport is built in; other types are configured but not run here. */
  transport: 'webhook' | 'unsupported';
  configured: boolean;
  /** Whether the gateway serving this account is running (null when asked without a gateway). */
  running: boolean | null;
  dmPolicy: string;
  allowFrom: string[];
  state: ChannelAccountState;
  pendingPairing: number;
  probe?: { ok: true; result: 'works' } | { ok: false; error: string; code?: string; status?: number };
}

export interface ChannelsStatusContext extends SubsystemContext {
  /** Set by the gateway: the channel accounts its transports are serving. */
  runningAccounts?: Set<string>;
  fetchImpl?: typeof fetch;
}

function configured(a: AccountSettings): boolean {
  return a.channel === WEBHOOK_CHANNEL ? typeof a.raw.url === 'string' && a.raw.url !== '' : true;
}

export async function channelsStatus(p: { probe?: boolean; timeoutMs?: number }, ctx: ChannelsStatusContext): Promise<{ channels: AccountStatus[] }> {
  const out: AccountStatus[] = [];
  for (const channel of channelTypes(ctx.config)) {
    let pending: ReturnType<typeof listPairingRequests> = [];
    try {
      pending = listPairingRequests(ctx.stateDir, channel, { now: ctx.now?.() });
    } catch {
      pending = [];
    }
    for (const a of resolveAccounts(ctx.config, channel)) {
      const status: AccountStatus = {
        channel,
        accountId: a.accountId,
        enabled: a.enabled,
        transport: channel === WEBHOOK_CHANNEL ? 'webhook' : 'unsupported',
        configured: configured(a),
        running: ctx.runningAccounts ? ctx.runningAccounts.has(`${channel}:${a.accountId}`) : null,
        dmPolicy: a.dmPolicy,
        allowFrom: a.allowFrom,
        state: readAccountState(ctx.stateDir, channel, a.accountId),
        pendingPairing: pending.filter((r) => r.accountId === a.accountId).length,
      };
      if (p.probe && a.enabled) {
        if (channel !== WEBHOOK_CHANNEL) status.probe = { ok: false, error: `no probe for channel type "${channel}" in the embedded runtime` };
        else {
          const r = await deliverWebhook(a, { to: 'probe', text: 'probe', kind: 'probe' }, { timeoutMs: p.timeoutMs ?? 3000, fetchImpl: ctx.fetchImpl });
          status.probe = r.ok ? { ok: true, result: 'works' } : { ok: false, error: r.message, code: r.code, status: r.status };
        }
      }
      out.push(status);
    }
  }
  return { channels: out };
}
