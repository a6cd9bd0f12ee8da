// gateway.mode set to something other than local: a local gateway start is blocked.
import { get, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'gateway/mode-not-local',
    title: 'gateway.mode is not local, so this machine cannot start a gateway',
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
        message: `gateway.mode is ${JSON.stringify(mode)}: a local \`openclaw gateway\` refuses to start (current: ${String(mode)}).`,
        path: 'gateway.mode',
        fixHint: 'If this machine should run the gateway: `openclaw config set gateway.mode local`',
        cause: 'mode-unset',
        evidence: [
          { kind: 'config', source: 'gateway.mode', value: JSON.stringify(mode) },
          ...(remoteUrl !== undefined ? [{ kind: 'config' as const, source: 'gateway.remote.url', value: JSON.stringify(remoteUrl) }] : []),
        ],
      },
    ];
  },
});
