// Group messages dropped because the agent was not mentioned (`drop guild message (mention required`,
// reason "no-mention"), and mention patterns that were ignored as invalid or unsafe.
import { defineCheck, type Finding } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'channels/mention-gating',
    title: 'Group messages are dropped for lack of a mention',
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
        message: `${a.channel}/${a.accountId} dropped ${n} group message(s) because the agent was not mentioned (requireMention)${channels.value.mentionPatterns.length ? '' : '; no messages.groupChat.mentionPatterns are set'}`,
        path: 'messages.groupChat.mentionPatterns',
        fixHint: `Mention the agent, add a pattern to messages.groupChat.mentionPatterns, or set ${a.configPath}.groups${group ? `["${group}"]` : '.<id>'}.requireMention false`,
        cause: 'mention-gating',
        evidence: [{ kind: 'log', source: `channels/${a.channel}/${a.accountId}.json`, value: `drop guild message (mention required) reason: "no-mention" ×${n}` }],
      });
    }
    if (channels.value.rejectedMentionPatterns.length) {
      out.push({
        checkId: 'channels/mention-gating',
        severity: 'warning',
        message: `mention patterns ignored as invalid or unsafe (catastrophic backtracking): ${channels.value.rejectedMentionPatterns.join(', ')}`,
        path: 'messages.groupChat.mentionPatterns',
        fixHint: 'Rewrite them as simple patterns such as \\bclaw\\b',
        cause: 'mention-gating',
      });
    }
    return out;
  },
});
