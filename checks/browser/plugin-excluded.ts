// plugins.allow is set and leaves out "browser": the browser tool disappears (`unknown command "browser"`).
import { configEvidence, logEvidence, logLinesWith, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'browser/plugin-excluded',
    title: 'The browser plugin is not in plugins.allow',
    area: 'browser',
    severity: 'warning',
    facts: ['config', 'logs'],
    fix: 'confirm',
    docs: 'seeds: Gateway troubleshooting › Browser tool fails',
  },
  detect(facts) {
    const p = parsedConfig(facts);
    const allow = p?.cfg.plugins?.allow;
    if (!p || !Array.isArray(allow) || allow.includes('browser')) return [];
    const lines = logLinesWith(facts, 'unknown command "browser"');
    const wanted = (p.cfg.browser && p.cfg.browser.enabled !== false) || lines.length > 0;
    if (!wanted) return [];
    return [
      {
        checkId: 'browser/plugin-excluded',
        severity: 'warning',
        message: 'plugins.allow is set and does not include "browser", so the browser tool is not loaded (unknown command "browser").',
        path: 'plugins.allow',
        fixHint: '`openclaw doctor --fix --yes` (adds "browser" to plugins.allow)',
        cause: 'browser-plugin-excluded',
        evidence: [configEvidence('plugins.allow', allow), ...lines.slice(-1).map(logEvidence)],
        data: { allow: [...allow, 'browser'] },
      },
    ];
  },
  repair: (finding) => [{ op: 'config.set', path: 'plugins.allow', value: finding.data?.allow }],
});
