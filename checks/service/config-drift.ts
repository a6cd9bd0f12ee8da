// service/config-drift: the service resolves a different config file than the CLI, so edits made
// with the CLI never reach the running gateway ("Config (cli)" vs "Config (service)").
import { defineCheck } from '../../src/engine/check.js';
import { repairByReinstall, servicesOf } from '../../src/engine/service-check-helpers.js';
import { configDriftCauses, reinstallCommand } from '../../src/service/service-paths.js';

export default defineCheck({
  meta: {
    id: 'service/config-drift',
    title: 'Service uses the same config as the CLI',
    area: 'service',
    severity: 'error',
    facts: ['services'],
    fix: 'confirm',
    docs: 'seeds: Gateway troubleshooting › Config (cli) / Config (service) mismatch',
  },
  detect(facts) {
    const s = servicesOf(facts);
    const svc = s?.installed;
    if (!s || !svc) return [];
    const cli = s.cli.paths.configPath.value;
    const service = svc.paths.configPath.value;
    if (cli === service) return [];
    const causes = configDriftCauses(s.cli.paths, svc.paths);
    return [
      {
        checkId: 'service/config-drift',
        severity: 'error',
        message: `The gateway service reads a different config than the CLI.\nConfig (cli): ${cli}\nConfig (service): ${service}\nCause: ${causes.join('; ')}`,
        fixHint: `Reinstall the service from this shell so both use ${cli}: \`${reinstallCommand(s.cli.paths)}\``,
        cause: 'service-drift',
        evidence: [
          { kind: 'config', source: 'Config (cli)', value: cli },
          { kind: 'service', source: 'Config (service)', value: `${service}${svc.config.exists ? '' : ' (missing)'}` },
          { kind: 'file', source: svc.definition.file },
        ],
        data: { cliConfig: cli, serviceConfig: service, causes },
      },
    ];
  },
  repair: repairByReinstall,
});
