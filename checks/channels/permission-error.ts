// The last outbound delivery was refused: 401/403, `missing_scope`, `not_in_channel`. The channel
// looks connected, but replies never arrive.
import { defineCheck, type Finding, say } from '../../src/engine/check.js';

const AUTH_CODES = new Set(['unauthorized', 'forbidden', 'missing_scope', 'not_in_channel']);

export default defineCheck({
  meta: {
    id: 'channels/permission-error',
    area: 'channels',
    severity: 'error',
    facts: ['channels'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › channel connected but messages not flowing (missing_scope, not_in_channel, Forbidden, 401/403)',
  },
  detect({ channels }) {
    if (!channels?.ok) return [];
    return channels.value.accounts
      .filter((a) => a.state.lastError && (AUTH_CODES.has(a.state.lastError.code) || a.state.lastError.status === 401 || a.state.lastError.status === 403))
      .map((a): Finding => {
        const e = a.state.lastError!;
        const scope = e.code === 'missing_scope' || e.code === 'not_in_channel';
        return {
          checkId: 'channels/permission-error',
          severity: 'error',
          ...say('channels/permission-error.delivery-refused', { channel: a.channel, accountId: a.accountId, message: e.message, code: e.code, configPath: a.configPath }, scope ? 'channels/permission-error.scope.fix' : 'channels/permission-error.token.fix'),
          path: `${a.configPath}.token`,
          cause: 'channel-permission',
          evidence: [{ kind: 'probe', source: `channels/${a.channel}/${a.accountId}.json`, value: `${new Date(e.at).toISOString()} ${e.message}` }],
        };
      });
  },
});
