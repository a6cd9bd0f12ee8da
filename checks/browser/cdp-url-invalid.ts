// browser.cdpUrl that is not http(s)/ws(s) or has a bad port.
import { en } from '../../src/i18n/index.js';
import { configEvidence, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';
import { parseCdpUrl } from '../../src/facts/browser.js';

export default defineCheck({
  meta: {
    id: 'browser/cdp-url-invalid',
    area: 'browser',
    severity: 'error',
    facts: ['config'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › Browser tool fails',
  },
  detect(facts) {
    const url = parsedConfig(facts)?.cfg.browser?.cdpUrl;
    if (url === undefined) return [];
    // The parser's own words for what is wrong (src/facts/browser.ts, English for now).
    const problem = typeof url === 'string' ? parseCdpUrl(url).problem : en('browser/cdp-url-invalid.not-string');
    if (!problem) return [];
    return [
      {
        checkId: 'browser/cdp-url-invalid',
        severity: 'error',
        ...say('browser/cdp-url-invalid.problem', { problem }),
        path: 'browser.cdpUrl',
        cause: 'cdp-url-invalid',
        evidence: [configEvidence('browser.cdpUrl', url)],
      },
    ];
  },
});
