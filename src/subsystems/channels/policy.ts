// The inbound policy shared by every channel type: who may DM the agent (pairing, allowlist, open,
// disabled), which groups it listens in, and whether a group message must mention it. Pure; drops
// carry upstream's wording so logs match the seeds' signatures.
import { lazyRequire } from '../../lazy-require.js';
import type { JsonObject } from '../../config/load.js';
import { objectAt } from '../context.js';
import type { AccountSettings } from './accounts.js';
import { normalizeSender } from './pairing-store.js';

// Only a config with mention patterns needs safe-regex2 (and the regex parser behind it).
const safeRegex = lazyRequire<typeof import('safe-regex2').default>('safe-regex2');

export interface InboundMessage {
  channel: string;
  accountId: string;
  chatType: 'direct' | 'group';
  from: string;
  groupId?: string;
  text: string;
  /** The transport already knows the bot was mentioned (e.g. an @-mention entity). */
  mentioned?: boolean;
}

export type DropReason = 'dm-disabled' | 'allowlist' | 'open-without-wildcard' | 'pairing-full' | 'group-disabled' | 'group-allowlist' | 'no-mention';

export type PolicyDecision =
  | { action: 'accept' }
  /** Unknown DM sender under dmPolicy "pairing": the caller creates a pairing request. */
  | { action: 'pairing' }
  | { action: 'drop'; reason: DropReason; line: string };

/** Mention patterns: `messages.groupChat.mentionPatterns`, case-insensitive. Unsafe or invalid ones are skipped. */
export function compileMentionPatterns(config: JsonObject): { patterns: RegExp[]; rejected: string[] } {
  const raw = objectAt(objectAt(config.messages).groupChat).mentionPatterns;
  const patterns: RegExp[] = [];
  const rejected: string[] = [];
  for (const p of Array.isArray(raw) ? raw : []) {
    if (typeof p !== 'string') continue;
    try {
      const re = new RegExp(p, 'i');
      if (!safeRegex()(re)) throw new Error('unsafe');
      patterns.push(re);
    } catch {
      rejected.push(p);
    }
  }
  return { patterns, rejected };
}

const inList = (list: string[], sender: string) => list.some((e) => e === '*' || normalizeSender(e) === normalizeSender(sender));

export function evaluateInbound(msg: InboundMessage, account: AccountSettings, opts: { approvedSenders?: string[]; mentionPatterns?: RegExp[] } = {}): PolicyDecision {
  const allowed = [...account.allowFrom, ...(opts.approvedSenders ?? [])];
  if (msg.chatType === 'direct') {
    switch (account.dmPolicy) {
      case 'disabled':
        return { action: 'drop', reason: 'dm-disabled', line: `blocked dm from ${msg.from} (dmPolicy: disabled)` };
      case 'open':
        if (account.allowFrom.includes('*')) return { action: 'accept' };
        if (inList(allowed, msg.from)) return { action: 'accept' };
        return { action: 'drop', reason: 'open-without-wildcard', line: `blocked dm from ${msg.from} (dmPolicy "open" needs allowFrom ["*"]; not in allowlist)` };
      case 'allowlist':
        if (inList(allowed, msg.from)) return { action: 'accept' };
        return { action: 'drop', reason: 'allowlist', line: `blocked dm from ${msg.from} (not in allowlist)` };
      case 'pairing':
        return inList(allowed, msg.from) ? { action: 'accept' } : { action: 'pairing' };
    }
  }

  if (account.groupPolicy === 'disabled') return { action: 'drop', reason: 'group-disabled', line: `blocked group message from ${msg.groupId ?? '?'} (groupPolicy: disabled)` };
  const group = (msg.groupId && account.groups[msg.groupId]) || account.groups['*'];
  if (account.groupPolicy === 'allowlist' && (!group || group.enabled === false)) {
    return { action: 'drop', reason: 'group-allowlist', line: `blocked group ${msg.groupId ?? '?'} (not in allowlist)` };
  }
  const senders = group?.allowFrom ? group.allowFrom.map(String) : account.groupAllowFrom;
  if (senders.length && !inList(senders, msg.from)) {
    return { action: 'drop', reason: 'group-allowlist', line: `blocked group sender ${msg.from} in ${msg.groupId ?? '?'} (not in allowlist)` };
  }
  const requireMention = group?.requireMention ?? account.requireMention;
  if (requireMention && !msg.mentioned && !(opts.mentionPatterns ?? []).some((re) => re.test(msg.text))) {
    return { action: 'drop', reason: 'no-mention', line: `drop guild message (mention required) reason: "no-mention" group=${msg.groupId ?? '?'}` };
  }
  return { action: 'accept' };
}
