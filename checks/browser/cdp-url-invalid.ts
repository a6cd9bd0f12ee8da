// browser.cdpUrl that is not http(s)/ws(s) or has a bad port.
import { en } from '../../src/i18n/index.js';
import { configEvidence, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';
import { parseCdpUrl } from '../../src/facts/cdp.js';

const NOT_STRING = 'browser/cdp-url-invalid.not-string';

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
    // The parser's own words for what is wrong (src/facts/cdp.ts) stay a parameter in English; the
    // texts say it from problemRef, worded in the reader's language.
    const parsed = typeof url === 'string' ? parseCdpUrl(url) : { problem: en(NOT_STRING), problemRef: { id: NOT_STRING } };
    const { problem, problemRef } = parsed;
    if (!problem) return [];
    return [
      {
        checkId: 'browser/cdp-url-invalid',
        severity: 'error',
        ...say('browser/cdp-url-invalid.problem', { problem, problemRef: problemRef ?? problem }),
        path: 'browser.cdpUrl',
        cause: 'cdp-url-invalid',
        evidence: [configEvidence('browser.cdpUrl', url)],
      },
    ];
  },
});
