// Senders or groups blocked by an allowlist (`blocked … (not in allowlist)`), and dmPolicy "open"
// without "*" in allowFrom. The repair seeds the blocked sender (or "*", or the group) into the
// allowlist — a trust decision, so it asks first.
import { defineCheck, type Finding, say } from '../../src/engine/check.js';
import type { Params } from '../../src/i18n/index.js';
import { formatPath } from '../../src/config/schema.js';
import type { Operation } from '../../src/engine/operations.js';
import type { ChannelAccountFact } from '../../src/subsystems/channels/facts.js';

function finding(a: ChannelAccountFact, id: string, params: Params, data: Record<string, unknown>, path: string): Finding {
  return {
    checkId: 'channels/allowlist-mismatch',
    severity: 'warning',
    ...say(`channels/allowlist-mismatch.${id}`, { channel: a.channel, accountId: a.accountId, configPath: a.configPath, ...params }, 'channels/allowlist-mismatch.fix'),
    path,
    cause: 'dm-policy-blocked',
    data: { channel: a.channel, accountId: a.accountId, segments: a.configSegments, ...data },
  };
}

export default defineCheck({
  meta: {
    id: 'channels/allowlist-mismatch',
    area: 'channels',
    severity: 'warning',
    facts: ['channels'],
    fix: 'confirm',
    docs: 'seeds: Gateway troubleshooting › no replies (blocked / allowlist)',
  },
  detect({ channels }) {
    if (!channels?.ok) return [];
    const out: Finding[] = [];
    for (const a of channels.value.accounts) {
      const allowPath = formatPath([...a.configSegments, 'allowFrom']);
      if (a.dmPolicy === 'open' && !a.allowFrom.includes('*')) {
        out.push(finding(a, 'open-without-star', {}, { add: '*', list: 'allowFrom' }, allowPath));
        continue;
      }
      const drop = a.state.lastDrop;
      if (!drop) continue;
      const known = [...a.allowFrom, ...a.approvedSenders].map((s) => s.toLowerCase());
      if (drop.reason === 'allowlist' && !known.includes(drop.from.toLowerCase())) {
        const n = a.state.drops.allowlist ?? 0;
        out.push(finding(a, 'dm-blocked', { n, from: drop.from }, { add: drop.from, list: 'allowFrom' }, allowPath));
      } else if (drop.reason === 'group-allowlist' && drop.groupId && !a.groups.includes(drop.groupId)) {
        out.push(finding(a, 'group-ignored', { group: drop.groupId, groupPolicy: a.groupPolicy }, { group: drop.groupId }, formatPath([...a.configSegments, 'groups'])));
      }
    }
    return out;
  },
  repair(f, { channels }) {
    const d = f.data as { segments: string[]; add?: string; list?: string; group?: string; channel: string; accountId: string };
    const a = channels?.ok ? channels.value.accounts.find((x) => x.channel === d.channel && x.accountId === d.accountId) : undefined;
    if (!a) return [];
    if (d.group) return [{ op: 'config.set', path: formatPath([...d.segments, 'groups', d.group]), value: { requireMention: true } }] satisfies Operation[];
    if (!d.add || a.allowFrom.includes(d.add)) return [];
    return [{ op: 'config.set', path: formatPath([...d.segments, 'allowFrom']), value: [...a.allowFrom, d.add] }];
  },
});
