import allowlist from '../../../checks/channels/allowlist-mismatch.js';
import { quietOn, testCheck } from '../../helpers/check-tester.js';

const failing = ['subsystems-channels/allowlist-dm', 'subsystems-channels/group-not-allowed', 'subsystems-channels/open-without-wildcard'];

testCheck(allowlist, {
  valid: quietOn(failing),
  invalid: [
    {
      fixture: 'subsystems-channels/allowlist-dm',
      findings: [
        {
          severity: 'warning',
          messageId: 'channels/allowlist-mismatch.dm-blocked',
          params: { channel: 'webhook', accountId: 'ops', configPath: 'channels.webhook.accounts.ops', n: 2, from: 'u9' },
          fixHintId: 'channels/allowlist-mismatch.fix',
          path: 'channels.webhook.accounts.ops.allowFrom',
        },
      ],
      fixed: { yes: true },
    },
    {
      fixture: 'subsystems-channels/group-not-allowed',
      findings: [
        {
          severity: 'warning',
          messageId: 'channels/allowlist-mismatch.group-ignored',
          params: { channel: 'webhook', accountId: 'default', configPath: 'channels.webhook', group: 'ops room', groupPolicy: 'allowlist' },
          path: 'channels.webhook.groups',
        },
      ],
      fixed: { yes: true },
    },
    {
      fixture: 'subsystems-channels/open-without-wildcard',
      findings: [{ severity: 'warning', messageId: 'channels/allowlist-mismatch.open-without-star', params: { channel: 'webhook', accountId: 'default', configPath: 'channels.webhook' }, path: 'channels.webhook.allowFrom' }],
      fixed: { yes: true },
    },
  ],
});
