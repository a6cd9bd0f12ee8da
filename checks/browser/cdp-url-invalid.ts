// browser.cdpUrl that is not http(s)/ws(s) or has a bad port.
import { configEvidence, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck } from '../../src/engine/check.js';
import { parseCdpUrl } from '../../src/facts/cdp.js';

export default defineCheck({
  meta: {
    id: 'browser/cdp-url-invalid',
    title: 'browser.cdpUrl is not a usable CDP URL',
    area: 'browser',
    severity: 'error',
    facts: ['config'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › Browser tool fails',
  },
  detect(facts) {
    const url = parsedConfig(facts)?.cfg.browser?.cdpUrl;
    if (url === undefined) return [];
    const problem = typeof url === 'string' ? parseCdpUrl(url).problem : 'browser.cdpUrl must be a string';
    if (!problem) return [];
    return [
      {
        checkId: 'browser/cdp-url-invalid',
        severity: 'error',
        message: problem,
        path: 'browser.cdpUrl',
        fixHint: 'Use the DevTools endpoint, e.g. `openclaw config set browser.cdpUrl http://127.0.0.1:9222`',
        cause: 'cdp-url-invalid',
        evidence: [configEvidence('browser.cdpUrl', url)],
      },
    ];
  },
});
