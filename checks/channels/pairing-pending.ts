// DM senders waiting for approval: under dmPolicy "pairing" the agent stays silent to them until
// someone runs `openclaw pairing approve`.
import { defineCheck, type Finding, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'channels/pairing-pending',
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
          ...say('channels/pairing-pending.pairing-request-s', { length: a.pending.length, channel: a.channel, accountId: a.accountId, requests: a.pending.map((r) => `${r.senderId} (code ${r.code})`).join(', '), code: a.pending[0].code }),
          cause: 'dm-policy-blocked',
          evidence: a.pending.map((r) => ({ kind: 'file' as const, source: `credentials/${a.channel}-pairing.json`, value: `${r.senderId} since ${new Date(r.createdAt).toISOString()}` })),
          data: { channel: a.channel, accountId: a.accountId, codes: a.pending.map((r) => r.code) },
        }),
      );
  },
});
