// Senders or groups blocked by an allowlist (`blocked … (not in allowlist)`), and dmPolicy "open"
// without "*" in allowFrom. The repair seeds the blocked sender (or "*", or the group) into the
// allowlist — a trust decision, so it asks first.
import { defineCheck, type Finding } from '../../src/engine/check.js';
import { formatPath } from '../../src/config/schema.js';
import type { Operation } from '../../src/engine/operations.js';
import type { ChannelAccountFact } from '../../src/facts/channels.js';

function finding(a: ChannelAccountFact, message: string, data: Record<string, unknown>, path: string): Finding {
  return {
    checkId: 'channels/allowlist-mismatch',
    severity: 'warning',
    message,
    path,
    fixHint: `\`openclaw config get ${a.configPath}\`, then add the sender to allowFrom (\`openclaw doctor --fix\` asks first)`,
    cause: 'dm-policy-blocked',
    data: { channel: a.channel, accountId: a.accountId, segments: a.configSegments, ...data },
  };
}

export default defineCheck({
  meta: {
    id: 'channels/allowlist-mismatch',
    title: 'Senders or groups are blocked by an allowlist',
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
        out.push(finding(a, `${a.channel}/${a.accountId} has dmPolicy "open" but allowFrom lacks "*": DMs from unlisted senders are blocked`, { add: '*', list: 'allowFrom' }, allowPath));
        continue;
      }
      const drop = a.state.lastDrop;
      if (!drop) continue;
      const known = [...a.allowFrom, ...a.approvedSenders].map((s) => s.toLowerCase());
      if (drop.reason === 'allowlist' && !known.includes(drop.from.toLowerCase())) {
        const n = a.state.drops.allowlist ?? 0;
        out.push(finding(a, `${a.channel}/${a.accountId} blocked ${n} DM(s) from senders not in allowFrom (last: ${drop.from})`, { add: drop.from, list: 'allowFrom' }, allowPath));
      } else if (drop.reason === 'group-allowlist' && drop.groupId && !a.groups.includes(drop.groupId)) {
        out.push(finding(a, `${a.channel}/${a.accountId} ignores group ${drop.groupId}: it is not in groups (groupPolicy ${a.groupPolicy})`, { group: drop.groupId }, formatPath([...a.configSegments, 'groups'])));
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
