// The `channels` fact: every account's policy, recorded traffic, drops, delivery errors and pending
// pairing requests, plus the mention patterns in effect. No probing: the state files say enough.
import type { JsonObject } from '../config/load.js';
import type { Fact } from './fact.js';
import { accountConfigPath, accountConfigSegments, channelTypes, resolveAccounts, type DmPolicy, type GroupPolicy } from '../subsystems/channels/accounts.js';
import { readAccountState, type ChannelAccountState } from '../subsystems/channels/account-state.js';
import { listPairingRequests, readApprovedSenders, type PairingRequest } from '../subsystems/channels/pairing-store.js';
import { compileMentionPatterns } from '../subsystems/channels/policy.js';

export interface ChannelAccountFact {
  channel: string;
  accountId: string;
  /** Dotted config path of the account's settings. */
  configPath: string;
  configSegments: string[];
  enabled: boolean;
  dmPolicy: DmPolicy;
  allowFrom: string[];
  approvedSenders: string[];
  groupPolicy: GroupPolicy;
  groups: string[];
  requireMention: boolean;
  state: ChannelAccountState;
  pending: PairingRequest[];
}

export interface ChannelsFact {
  accounts: ChannelAccountFact[];
  mentionPatterns: string[];
  rejectedMentionPatterns: string[];
}

export function collectChannelsFact(input: { stateDir: string; config: JsonObject; now?: number }): Fact<ChannelsFact> {
  try {
    const accounts: ChannelAccountFact[] = [];
    for (const channel of channelTypes(input.config)) {
      const pending = listPairingRequests(input.stateDir, channel, { now: input.now });
      const approvedSenders = readApprovedSenders(input.stateDir, channel);
      for (const a of resolveAccounts(input.config, channel)) {
        accounts.push({
          channel,
          accountId: a.accountId,
          configPath: accountConfigPath(input.config, channel, a.accountId),
          configSegments: accountConfigSegments(input.config, channel, a.accountId),
          enabled: a.enabled,
          dmPolicy: a.dmPolicy,
          allowFrom: a.allowFrom,
          approvedSenders,
          groupPolicy: a.groupPolicy,
          groups: Object.keys(a.groups),
          requireMention: a.requireMention,
          state: readAccountState(input.stateDir, channel, a.accountId),
          pending: pending.filter((r) => r.accountId === a.accountId),
        });
      }
    }
    const { patterns, rejected } = compileMentionPatterns(input.config);
    return { ok: true, value: { accounts, mentionPatterns: patterns.map((p) => p.source), rejectedMentionPatterns: rejected } };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}
