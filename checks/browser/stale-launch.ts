// `browser/<profile>.json` says we launched a browser, but that process is gone (crashed, killed,
// machine rebooted): the browser tool will fail to reach CDP. Clearing the state lets `browser start`
// launch a fresh one.
import { defineCheck, type Finding, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'browser/stale-launch',
    area: 'browser',
    severity: 'warning',
    facts: ['browserRuntime'],
    fix: 'safe',
    docs: 'seeds: Gateway troubleshooting › browser tool fails (CDP profile reachability)',
  },
  detect({ browserRuntime: browser }) {
    if (!browser?.ok) return [];
    return browser.value.profiles
      .filter((p) => p.gone && p.stateFile)
      .map(
        (p): Finding => ({
          checkId: 'browser/stale-launch',
          severity: 'warning',
          ...say('browser/stale-launch.browser-launched-profile', { profile: p.profile, pid: p.pid, cdpUrl: p.cdpUrl }),
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
