// `browser/<profile>.json` says we launched a browser, but that process is gone (crashed, killed,
// machine rebooted): the browser tool will fail to reach CDP. Clearing the state lets `browser start`
// launch a fresh one.
import { defineCheck, type Finding } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'browser/stale-launch',
    title: 'A launched browser is gone',
    area: 'browser',
    severity: 'warning',
    facts: ['browser'],
    fix: 'safe',
    docs: 'seeds: Gateway troubleshooting › browser tool fails (CDP profile reachability)',
  },
  detect({ browser }) {
    if (!browser?.ok) return [];
    return browser.value.profiles
      .filter((p) => p.gone && p.stateFile)
      .map(
        (p): Finding => ({
          checkId: 'browser/stale-launch',
          severity: 'warning',
          message: `the browser launched for profile "${p.profile}" (pid ${p.pid}) is gone; CDP at ${p.cdpUrl} does not answer`,
          fixHint: `openclaw browser start --browser-profile ${p.profile}`,
          cause: 'cdp-unreachable',
          evidence: [{ kind: 'file', source: p.stateFile!, value: `pid ${p.pid}` }],
          data: { stateFile: p.stateFile },
        }),
      );
  },
  repair(f) {
    return [{ op: 'file.remove', path: String(f.data?.stateFile) }];
  },
});
