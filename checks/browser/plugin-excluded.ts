// plugins.allow is set and leaves out "browser": the browser tool disappears (`unknown command "browser"`).
import { configEvidence, logEvidence, logLinesWith, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'browser/plugin-excluded',
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
    const lines = logLinesWith(facts, 'unknown command "browser"'); // i18n-ignore: the gateway's log text
    const wanted = (p.cfg.browser && p.cfg.browser.enabled !== false) || lines.length > 0;
    if (!wanted) return [];
    return [
      {
        checkId: 'browser/plugin-excluded',
        severity: 'warning',
        ...say('browser/plugin-excluded.plugins-allow-set'),
        path: 'plugins.allow',
        cause: 'browser-plugin-excluded',
        evidence: [configEvidence('plugins.allow', allow), ...lines.slice(-1).map(logEvidence)],
        data: { allow: [...allow, 'browser'] },
      },
    ];
  },
  repair: (finding) => [{ op: 'config.set', path: 'plugins.allow', value: finding.data?.allow }],
});
