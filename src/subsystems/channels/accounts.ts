// Channel accounts: `channels.<type>` holds channel-wide settings and optionally `accounts.<id>`
// whose settings override them. Without an accounts map the channel itself is the `default` account.
import type { JsonObject } from '../../config/load.js';
import { formatPath } from '../../config/schema.js';
import { objectAt } from '../context.js';

export type DmPolicy = 'pairing' | 'allowlist' | 'open' | 'disabled';
export type GroupPolicy = 'allowlist' | 'open' | 'disabled';

export interface GroupSettings {
  enabled?: boolean;
  requireMention?: boolean;
  allowFrom?: Array<string | number>;
}

export interface AccountSettings {
  channel: string;
  accountId: string;
  enabled: boolean;
  dmPolicy: DmPolicy;
  allowFrom: string[];
  groupPolicy: GroupPolicy;
  groupAllowFrom: string[];
  groups: Record<string, GroupSettings>;
  requireMention: boolean;
  /** Everything else on the account (url, token, secret, …): transport-specific. */
  raw: JsonObject;
}

/** Keys under `channels` that are not channel types. */
const NOT_CHANNELS = new Set(['defaults']);

export function channelTypes(config: JsonObject): string[] {
  return Object.keys(objectAt(config.channels)).filter((k) => !NOT_CHANNELS.has(k));
}

const DM_POLICIES = new Set(['pairing', 'allowlist', 'open', 'disabled']);
const GROUP_POLICIES = new Set(['allowlist', 'open', 'disabled']);

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => String(x)) : []);

export function resolveAccounts(config: JsonObject, channel: string): AccountSettings[] {
  const ch = objectAt(objectAt(config.channels)[channel]);
  const { accounts, ...shared } = ch;
  const entries: Array<[string, JsonObject]> =
    accounts && typeof accounts === 'object' && Object.keys(accounts).length
      ? Object.entries(accounts as JsonObject).map(([id, a]) => [id, { ...shared, ...objectAt(a) }])
      : [['default', shared]];
  return entries.map(([accountId, raw]) => ({
    channel,
    accountId,
    enabled: raw.enabled !== false && ch.enabled !== false,
    dmPolicy: DM_POLICIES.has(raw.dmPolicy as string) ? (raw.dmPolicy as DmPolicy) : 'pairing',
    allowFrom: list(raw.allowFrom),
    groupPolicy: GROUP_POLICIES.has(raw.groupPolicy as string) ? (raw.groupPolicy as GroupPolicy) : 'allowlist',
    groupAllowFrom: list(raw.groupAllowFrom),
    groups: objectAt(raw.groups) as Record<string, GroupSettings>,
    requireMention: raw.requireMention !== false,
    raw,
  }));
}

export function resolveAccount(config: JsonObject, channel: string, accountId = 'default'): AccountSettings | undefined {
  return resolveAccounts(config, channel).find((a) => a.accountId === accountId);
}

/** Where in the config an account's settings live (for findings and repairs). */
export function accountConfigSegments(config: JsonObject, channel: string, accountId: string): string[] {
  const accounts = objectAt(objectAt(config.channels)[channel]).accounts;
  return accounts && typeof accounts === 'object' && Object.keys(accounts).length ? ['channels', channel, 'accounts', accountId] : ['channels', channel];
}

export function accountConfigPath(config: JsonObject, channel: string, accountId: string): string {
  return formatPath(accountConfigSegments(config, channel, accountId));
}
