// service/port-drift: the service starts the gateway on another port than the CLI resolves from
// its config and environment, so the CLI probes a port nobody listens on.
import { describeSource } from '../../src/config/paths.js';
import { defineCheck } from '../../src/engine/check.js';
import { repairByReinstall, servicesOf } from '../../src/engine/service-check-helpers.js';
import { reinstallCommand } from '../../src/service/service-paths.js';

export default defineCheck({
  meta: {
    id: 'service/port-drift',
    title: 'Service port matches the configured port',
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
    const svcFrom = svc.port.source === 'flag' ? '--port in its command line' : describeSource(svc.port);
    return [
      {
        checkId: 'service/port-drift',
        severity: 'error',
        message: `The gateway service listens on port ${svc.port.value} (${svcFrom}) but the CLI expects ${cliPort.value} (${describeSource(cliPort)}).`,
        path: cliPort.source === 'config' ? 'gateway.port' : undefined,
        fixHint: `Reinstall the service with the configured port: \`${reinstallCommand(s.cli.paths)}\``,
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
