// The last outbound delivery found nobody at the channel's URL (refused, DNS, fetch failed). A timeout
// may be a slow endpoint and is left alone; "unreachable" means replies are being lost right now.
import { defineCheck, type Finding, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'channels/delivery-unreachable',
    area: 'channels',
    severity: 'warning',
    facts: ['channels'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › channel connected but messages not flowing (replies never arrive)',
  },
  detect({ channels }) {
    if (!channels?.ok) return [];
    return channels.value.accounts
      .filter((a) => a.enabled && a.state.lastError?.code === 'unreachable')
      .map((a): Finding => {
        const e = a.state.lastError!;
        return {
          checkId: 'channels/delivery-unreachable',
          severity: 'warning',
          ...say('channels/delivery-unreachable.cannot-deliver-replies', { channel: a.channel, accountId: a.accountId, message: e.message, configPath: a.configPath }),
          path: `${a.configPath}.url`,
          cause: 'channel-unreachable',
          evidence: [{ kind: 'probe', source: `channels/${a.channel}/${a.accountId}.json`, value: `${new Date(e.at).toISOString()} ${e.message}` }],
        };
      });
  },
});
