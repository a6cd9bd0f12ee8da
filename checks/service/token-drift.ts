// service/token-drift: the service carries an OPENCLAW_GATEWAY_TOKEN that differs from
// gateway.auth.token. The gateway uses the config's token, so the service's copy is stale.
import { defineCheck } from '../../src/engine/check.js';
import { repairByReinstall, sameSecret, servicesOf, tokenFingerprint } from '../../src/engine/service-check-helpers.js';
import { reinstallCommand } from '../../src/service/service-paths.js';

export default defineCheck({
  meta: {
    id: 'service/token-drift',
    title: 'Service token matches gateway.auth.token',
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
        message: `The service's OPENCLAW_GATEWAY_TOKEN differs from gateway.auth.token in ${s.cli.config.path}. The gateway uses the config's token, so the one in ${s.installed.definition.file} is stale and misleads anyone who copies it.`,
        path: 'gateway.auth.token',
        fixHint: `Reinstall the service without the embedded token: \`${reinstallCommand(s.cli.paths)}\``,
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
