import cdpInvalid from '../../../checks/browser/cdp-url-invalid.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(cdpInvalid, {
  valid: ['healthy', 'browser-cdp-unreachable'],
  invalid: [
    {
      fixture: 'browser-cdp-url-invalid',
      findings: [{ severity: 'error', messageId: 'browser/cdp-url-invalid.problem', params: { problem: 'browser.cdpUrl must be http(s) or ws(s), got: ftp' }, path: 'browser.cdpUrl' }],
    },
  ],
});
