// service/token-drift: the service carries an OPENCLAW_GATEWAY_TOKEN that differs from
// gateway.auth.token. The gateway uses the config's token, so the service's copy is stale.
import { defineCheck, say } from '../../src/engine/check.js';
import { repairByReinstall, sameSecret, servicesOf, tokenFingerprint } from '../../src/service/repair-plan.js';
import { reinstallCommand } from '../../src/service/service-paths.js';

export default defineCheck({
  meta: {
    id: 'service/token-drift',
    area: 'service',
    severity: 'warning',
    facts: ['services'],
    fix: 'confirm',
    docs: 'reference: §6 Services (token drift)',
  },
  detect(facts) {
    const s = servicesOf(facts);
    const svcToken = s?.installed?.token;
    const cfgToken = s?.cli.config.token;
    if (!s?.installed || !svcToken || !cfgToken || sameSecret(svcToken, cfgToken)) return [];
    return [
      {
        checkId: 'service/token-drift',
        severity: 'warning',
        ...say('service/token-drift.service-s-openclaw', { path: s.cli.config.path, file: s.installed.definition.file, paths: reinstallCommand(s.cli.paths) }),
        path: 'gateway.auth.token',
        cause: 'service-drift',
        evidence: [
          { kind: 'service', source: `${s.installed.definition.file} OPENCLAW_GATEWAY_TOKEN`, value: tokenFingerprint(svcToken) },
          { kind: 'config', source: 'gateway.auth.token', value: tokenFingerprint(cfgToken) },
        ],
      },
    ];
  },
  repair: repairByReinstall,
});
