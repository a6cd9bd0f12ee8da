// service/extra-gateways (--deep): other gateway-like services on this machine (legacy clawdbot
// units, a second profile on the same port, the same unit at user and system level). Units that
// only share the name prefix are not reported: the fact keeps only definitions that run a gateway.
import { en } from '../../src/i18n/index.js';
import { defineCheck, say } from '../../src/engine/check.js';
import type { OtherService } from '../../src/facts/services.js';
import { servicesOf } from '../../src/service/repair-plan.js';

function disableCommand(o: OtherService): string {
  // i18n-ignore: commands
  if (o.kind === 'launchd') return `${o.scope === 'system' ? 'sudo launchctl bootout system' : 'launchctl bootout gui/$UID'}/${o.name} && rm ${o.file}`;
  if (o.kind === 'schtasks') return `schtasks /Delete /TN "${o.name}" /F`;
  // i18n-ignore: commands
  return `${o.scope === 'system' ? 'sudo systemctl' : 'systemctl --user'} disable --now ${o.name}`;
}

export default defineCheck({
  meta: {
    id: 'service/extra-gateways',
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
      if (mine && o.port !== undefined && o.port === mine.port.value) notes.push(en('service/extra-gateways.note.same-port'));
      if (mine && o.configPath && o.configPath === mine.paths.configPath.value) notes.push(en('service/extra-gateways.note.same-config'));
      if (mine && o.name === mine.definition.name) notes.push(en('service/extra-gateways.note.duplicate'));
      return `${o.name} (${notes.filter(Boolean).join(', ')})`;
    };
    return [
      {
        checkId: 'service/extra-gateways',
        severity: 'warning',
        ...say('service/extra-gateways.other-gateway-like', { services: s.others.map(describe).join('; '), commands: s.others.map(disableCommand).join(' ; ') }),
        cause: 'extra-gateway-services',
        evidence: s.others.map((o) => ({ kind: 'service' as const, source: o.file, value: describe(o) })),
        data: { others: s.others.map((o) => ({ name: o.name, file: o.file, scope: o.scope, port: o.port, legacy: o.legacy })) },
      },
    ];
  },
});
