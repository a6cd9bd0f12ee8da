import executableMissing from '../../../checks/browser/executable-missing.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(executableMissing, {
  valid: ['healthy'],
  invalid: [
    {
      fixture: 'browser-executable-missing',
      findings: [{ severity: 'error', messageId: 'browser/executable-missing.browser-executablepath-found', params: { executablePath: '/nonexistent/chromium-browser' }, path: 'browser.executablePath' }],
    },
  ],
});
