import mentionGating from '../../../checks/channels/mention-gating.js';
import { quietOn, testCheck } from '../../helpers/check-tester.js';

testCheck(mentionGating, {
  valid: quietOn(['subsystems-channels/mention-gating']),
  invalid: [
    {
      fixture: 'subsystems-channels/mention-gating',
      findings: [
        {
          severity: 'warning',
          messageId: 'channels/mention-gating.dropped-group-message',
          params: { channel: 'webhook', accountId: 'default', n: 3, patterns: 0, configPath: 'channels.webhook', group: 'eng' },
          path: 'messages.groupChat.mentionPatterns',
        },
        // A pattern that cannot be used safely is ignored, and the user is told which.
        { severity: 'warning', messageId: 'channels/mention-gating.mention-patterns-ignored', params: { value: '(a+)+$' }, path: 'messages.groupChat.mentionPatterns' },
      ],
    },
  ],
});
