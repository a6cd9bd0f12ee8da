// The configured CDP endpoint does not answer /json/version, or its WebSocket does not open.
import { configEvidence, fact, logEvidence, logLinesWith } from '../../src/engine/check-helpers.js';
import { defineCheck } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'browser/cdp-unreachable',
    title: 'The Chrome DevTools endpoint is not reachable',
    area: 'browser',
    severity: 'warning',
    facts: ['cdp', 'logs'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › Browser tool fails (CDP profile reachability)',
  },
  detect(facts) {
    const cdp = fact(facts, 'cdp');
    if (!cdp?.probed || (cdp.httpOk !== false && cdp.wsOk !== false)) return [];
    const lines = logLinesWith(facts, /Remote CDP for profile .* is not reachable|Chrome CDP websocket for profile .* is not reachable/);
    return [
      {
        checkId: 'browser/cdp-unreachable',
        severity: 'warning',
        message: `Remote CDP is not reachable at ${cdp.url}: ${cdp.error ?? 'no answer'}.`,
        path: 'browser.cdpUrl',
        fixHint: `Start Chromium with --remote-debugging-port (e.g. chromium --headless --remote-debugging-port=9222), then curl ${cdp.url?.replace(/^ws/, 'http')}/json/version`,
        cause: 'cdp-unreachable',
        evidence: [configEvidence('browser.cdpUrl', cdp.url), { kind: 'probe', source: `${cdp.url}`, value: cdp.error ?? 'unreachable' }, ...lines.slice(-1).map(logEvidence)],
      },
    ];
  },
});
