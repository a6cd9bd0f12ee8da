import { expect } from 'vitest';
import cdpUnreachable from '../../../checks/browser/cdp-unreachable.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(cdpUnreachable, {
  valid: ['healthy', 'browser-cdp-url-invalid'],
  invalid: [
    {
      fixture: 'browser-cdp-unreachable',
      findings: [
        {
          severity: 'warning',
          messageId: 'browser/cdp-unreachable.remote-cdp-reachable',
          params: { url: 'http://127.0.0.1:9222', error: 'GET /json/version failed: ECONNREFUSED', httpUrl: 'http://127.0.0.1:9222' },
          path: 'browser.cdpUrl',
          evidence: expect.arrayContaining([expect.objectContaining({ kind: 'log' })]),
        },
      ],
    },
  ],
});
