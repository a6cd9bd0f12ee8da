// service/port-drift: the service starts the gateway on another port than the CLI resolves from
// its config and environment, so the CLI probes a port nobody listens on.
import { en } from '../../src/i18n/index.js';
import { describeSource, sourceRef } from '../../src/config/paths.js';
import { defineCheck, say } from '../../src/engine/check.js';
import { repairByReinstall, servicesOf } from '../../src/engine/service-check-helpers.js';
import { reinstallCommand } from '../../src/service/service-paths.js';

export default defineCheck({
  meta: {
    id: 'service/port-drift',
    area: 'service',
    severity: 'error',
    facts: ['services'],
    fix: 'confirm',
    docs: 'reference: §6 Services (port drift)',
  },
  detect(facts) {
    const s = servicesOf(facts);
    const svc = s?.installed;
    if (!s || !svc) return [];
    const cliPort = s.cli.config.port;
    if (svc.port.value === cliPort.value) return [];
    // Where each port comes from stays a parameter in English (svcFrom, cliPort); the texts say it from the refs.
    const fromFlag = { id: 'service/port-drift.from-flag' };
    const svcFrom = svc.port.source === 'flag' ? en(fromFlag.id) : describeSource(svc.port);
    const svcFromRef = svc.port.source === 'flag' ? fromFlag : sourceRef(svc.port);
    return [
      {
        checkId: 'service/port-drift',
        severity: 'error',
        ...say('service/port-drift.gateway-service-listens', { servicePort: svc.port.value, svcFrom, svcFromRef, port: cliPort.value, cliPort: describeSource(cliPort), cliPortRef: sourceRef(cliPort), paths: reinstallCommand(s.cli.paths) }),
        path: cliPort.source === 'config' ? 'gateway.port' : undefined,
        cause: 'service-drift',
        evidence: [
          { kind: 'service', source: svc.definition.file, value: svc.definition.programArguments.join(' ') },
          { kind: cliPort.source === 'env' ? 'env' : 'config', source: cliPort.from ?? 'default', value: String(cliPort.value) },
        ],
        data: { servicePort: svc.port.value, cliPort: cliPort.value },
      },
    ];
  },
  repair: repairByReinstall,
});
