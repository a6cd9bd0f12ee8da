// browser.executablePath points at nothing runnable: "browser.executablePath not found: <path>".
import { configEvidence, fact } from '../../src/engine/check-helpers.js';
import { defineCheck } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'browser/executable-missing',
    title: 'The configured browser executable does not exist',
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
        message: `browser.executablePath not found: ${b.executablePath} (missing or not executable).`,
        path: 'browser.executablePath',
        fixHint: 'Install Chromium (e.g. apt install chromium) and point browser.executablePath at it, or unset it to auto-detect',
        cause: 'browser-executable-missing',
        evidence: [configEvidence('browser.executablePath', b.executablePath)],
      },
    ];
  },
});
