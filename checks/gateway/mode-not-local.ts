// gateway.mode set to something other than local: a local gateway start is blocked.
import { get, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'gateway/mode-not-local',
    area: 'gateway',
    severity: 'error',
    facts: ['config'],
    fix: 'none',
    docs: 'seeds: Gateway errors › Gateway Start Blocked',
  },
  detect(facts) {
    const p = parsedConfig(facts);
    const mode = p && get(p.cfg, 'gateway.mode');
    if (!p || mode === undefined || mode === 'local') return [];
    const remoteUrl = get(p.cfg, 'gateway.remote.url');
    return [
      {
        checkId: 'gateway/mode-not-local',
        // A remote-mode client with a remote URL is a deliberate set-up; without one it is a dead end.
        severity: mode === 'remote' && typeof remoteUrl === 'string' ? 'warning' : 'error',
        ...say('gateway/mode-not-local.gateway-mode-local', { value: JSON.stringify(mode), mode: String(mode) }),
        path: 'gateway.mode',
        cause: 'mode-unset',
        evidence: [
          { kind: 'config', source: 'gateway.mode', value: JSON.stringify(mode) },
          ...(remoteUrl !== undefined ? [{ kind: 'config' as const, source: 'gateway.remote.url', value: JSON.stringify(remoteUrl) }] : []),
        ],
      },
    ];
  },
});
