// DM senders waiting for approval: under dmPolicy "pairing" the agent stays silent to them until
// someone runs `openclaw pairing approve`.
import { defineCheck, type Finding } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'channels/pairing-pending',
    title: 'DM pairing requests are waiting for approval',
    area: 'channels',
    severity: 'warning',
    facts: ['channels'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › no replies (pairing request)',
  },
  detect({ channels }) {
    if (!channels?.ok) return [];
    return channels.value.accounts
      .filter((a) => a.pending.length)
      .map(
        (a): Finding => ({
          checkId: 'channels/pairing-pending',
          severity: 'warning',
          message: `${a.pending.length} pairing request(s) pending on ${a.channel}/${a.accountId}: ${a.pending.map((r) => `${r.senderId} (code ${r.code})`).join(', ')}`,
          fixHint: `\`openclaw pairing list --channel ${a.channel}\`, then \`openclaw pairing approve --channel ${a.channel} ${a.pending[0].code}\``,
          cause: 'dm-policy-blocked',
          evidence: a.pending.map((r) => ({ kind: 'file' as const, source: `credentials/${a.channel}-pairing.json`, value: `${r.senderId} since ${new Date(r.createdAt).toISOString()}` })),
          data: { channel: a.channel, accountId: a.accountId, codes: a.pending.map((r) => r.code) },
        }),
      );
  },
});
