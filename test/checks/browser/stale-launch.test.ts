import { expect } from 'vitest';
import staleLaunch from '../../../checks/browser/stale-launch.js';
import { quietOn, testCheck } from '../../helpers/check-tester.js';

testCheck(staleLaunch, {
  valid: quietOn(['subsystems-browser/stale-launch']),
  invalid: [
    {
      fixture: 'subsystems-browser/stale-launch',
      findings: [{ severity: 'warning', messageId: 'browser/stale-launch.browser-launched-profile', params: { profile: 'openclaw', pid: expect.any(Number), cdpUrl: 'http://127.0.0.1:1' } }],
      fixed: { yes: true },
    },
  ],
});
