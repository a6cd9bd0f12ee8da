// service/extra-gateways (--deep): other gateway-like services on this machine (legacy clawdbot
// units, a second profile on the same port, the same unit at user and system level). Units that
// only share the name prefix are not reported: the fact keeps only definitions that run a gateway.
import { defineCheck } from '../../src/engine/check.js';
import type { OtherService } from '../../src/facts/services.js';
import { servicesOf } from '../../src/engine/service-check-helpers.js';

function disableCommand(o: OtherService): string {
  if (o.kind === 'launchd') return `${o.scope === 'system' ? 'sudo launchctl bootout system' : 'launchctl bootout gui/$UID'}/${o.name} && rm ${o.file}`;
  if (o.kind === 'schtasks') return `schtasks /Delete /TN "${o.name}" /F`;
  return `${o.scope === 'system' ? 'sudo systemctl' : 'systemctl --user'} disable --now ${o.name}`;
}

export default defineCheck({
  meta: {
    id: 'service/extra-gateways',
    title: 'One gateway service per machine',
    area: 'service',
    severity: 'warning',
    facts: ['services'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › Other gateway-like services detected (best effort)',
  },
  detect(facts) {
    const s = servicesOf(facts);
    if (!s?.deep || !s.others?.length) return [];
    const mine = s.installed;
    const describe = (o: OtherService) => {
      const notes = [o.scope, o.port ? `port ${o.port}` : undefined, o.legacy ? 'legacy' : undefined];
      if (mine && o.port !== undefined && o.port === mine.port.value) notes.push('same port as this profile');
      if (mine && o.configPath && o.configPath === mine.paths.configPath.value) notes.push('same config as this profile');
      if (mine && o.name === mine.definition.name) notes.push('duplicate of this profile’s unit');
      return `${o.name} (${notes.filter(Boolean).join(', ')})`;
    };
    return [
      {
        checkId: 'service/extra-gateways',
        severity: 'warning',
        message: `Other gateway-like services detected (best effort): ${s.others.map(describe).join('; ')}. Keep one gateway per machine; if you need several, give each its own port and config/state/workspace.`,
        fixHint: `Disable the ones you do not use: ${s.others.map(disableCommand).join(' ; ')}`,
        cause: 'extra-gateway-services',
        evidence: s.others.map((o) => ({ kind: 'service' as const, source: o.file, value: describe(o) })),
        data: { others: s.others.map((o) => ({ name: o.name, file: o.file, scope: o.scope, port: o.port, legacy: o.legacy })) },
      },
    ];
  },
});
