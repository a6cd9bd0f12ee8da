// Group messages dropped because the agent was not mentioned (`drop guild message (mention required`,
// reason "no-mention"), and mention patterns that were ignored as invalid or unsafe.
import { defineCheck, type Finding, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'channels/mention-gating',
    area: 'channels',
    severity: 'warning',
    facts: ['channels'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › no replies (drop guild message (mention required)',
  },
  detect({ channels }) {
    if (!channels?.ok) return [];
    const out: Finding[] = [];
    for (const a of channels.value.accounts) {
      const n = a.state.drops['no-mention'] ?? 0;
      if (!n) continue;
      const group = a.state.lastDrop?.reason === 'no-mention' ? a.state.lastDrop.groupId : undefined;
      out.push({
        checkId: 'channels/mention-gating',
        severity: 'warning',
        ...say('channels/mention-gating.dropped-group-message', { channel: a.channel, accountId: a.accountId, n, patterns: channels.value.mentionPatterns.length, configPath: a.configPath, group: group ?? null }),
        path: 'messages.groupChat.mentionPatterns',
        cause: 'mention-gating',
        evidence: [{ kind: 'log', source: `channels/${a.channel}/${a.accountId}.json`, value: `drop guild message (mention required) reason: "no-mention" ×${n}` } /* i18n-ignore: the gateway's log line */],
      });
    }
    if (channels.value.rejectedMentionPatterns.length) {
      out.push({
        checkId: 'channels/mention-gating',
        severity: 'warning',
        ...say('channels/mention-gating.mention-patterns-ignored', { value: channels.value.rejectedMentionPatterns.join(', ') }),
        path: 'messages.groupChat.mentionPatterns',
        cause: 'mention-gating',
      });
    }
    return out;
  },
});
