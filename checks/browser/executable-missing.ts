// browser.executablePath points at nothing runnable: "browser.executablePath not found: <path>".
import { configEvidence, fact } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'browser/executable-missing',
    area: 'browser',
    severity: 'error',
    facts: ['browser'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › Browser tool fails',
  },
  detect(facts) {
    const b = fact(facts, 'browser');
    if (!b?.executablePath || b.executableExists) return [];
    return [
      {
        checkId: 'browser/executable-missing',
        severity: 'error',
        ...say('browser/executable-missing.browser-executablepath-found', { executablePath: b.executablePath }),
        path: 'browser.executablePath',
        cause: 'browser-executable-missing',
        evidence: [configEvidence('browser.executablePath', b.executablePath)],
      },
    ];
  },
});
