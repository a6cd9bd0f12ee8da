// The configured CDP endpoint does not answer /json/version, or its WebSocket does not open.
import { en } from '../../src/i18n/index.js';
import { configEvidence, fact, logEvidence, logLinesWith } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'browser/cdp-unreachable',
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
        ...say('browser/cdp-unreachable.remote-cdp-reachable', { url: cdp.url, error: cdp.error ?? null, httpUrl: cdp.url?.replace(/^ws/, 'http') }),
        path: 'browser.cdpUrl',
        cause: 'cdp-unreachable',
        evidence: [configEvidence('browser.cdpUrl', cdp.url), { kind: 'probe', source: `${cdp.url}`, value: cdp.error ?? en('browser/cdp-unreachable.evidence.unreachable') }, ...lines.slice(-1).map(logEvidence)],
      },
    ];
  },
});
