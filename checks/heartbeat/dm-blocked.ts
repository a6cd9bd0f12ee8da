// heartbeat.directPolicy "block" with a direct-message target: every beat is dropped (dm-blocked).
import { configEvidence, logEvidence, logLinesWith, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

export function looksLikeDirectTarget(to: unknown, target: unknown): boolean {
  if (target === 'dm' || target === 'direct') return true;
  return typeof to === 'string' && /^(user:|dm:|direct:|@)|^\+?\d{7,15}$/.test(to.trim());
}

export default defineCheck({
  meta: {
    id: 'heartbeat/dm-blocked',
    area: 'heartbeat',
    severity: 'warning',
    facts: ['config', 'logs'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › Cron and heartbeat delivery (dm-blocked)',
  },
  detect(facts) {
    const p = parsedConfig(facts);
    const hb = p?.cfg.agents?.defaults?.heartbeat;
    const lines = logLinesWith(facts, /heartbeat skipped.*dm-blocked/);
    const configured = hb?.directPolicy === 'block' && looksLikeDirectTarget(hb.to, hb.target);
    if (!configured && lines.length === 0) return [];
    return [
      {
        checkId: 'heartbeat/dm-blocked',
        severity: 'warning',
        ...say('heartbeat/dm-blocked.heartbeats-go-direct'),
        path: 'agents.defaults.heartbeat.directPolicy',
        cause: 'heartbeat-skipped',
        evidence: [...(hb ? [configEvidence('agents.defaults.heartbeat.directPolicy', hb.directPolicy), configEvidence('agents.defaults.heartbeat.to', hb.to)] : []), ...lines.slice(-1).map(logEvidence)],
      },
    ];
  },
});
