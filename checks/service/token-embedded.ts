// service/token-embedded: a secret baked into a service definition, a file other tools read and
// back up. The fix moves it into gateway.auth.token (when the config lacks one) and reinstalls.
import { defineCheck, say } from '../../src/engine/check.js';
import { repairByReinstall, sameSecret, servicesOf, tokenFingerprint } from '../../src/service/repair-plan.js';
import { reinstallCommand } from '../../src/service/service-paths.js';

export default defineCheck({
  meta: {
    id: 'service/token-embedded',
    area: 'service',
    severity: 'warning',
    facts: ['services'],
    fix: 'confirm',
    docs: 'reference: §6 Services',
  },
  detect(facts) {
    const s = servicesOf(facts);
    const token = s?.installed?.token;
    if (!s?.installed || !token) return [];
    const cfgToken = s.cli.config.token;
    // A token that differs from the config's is service/token-drift's finding.
    if (cfgToken && !sameSecret(token, cfgToken)) return [];
    const onlyInService = !cfgToken;
    return [
      {
        checkId: 'service/token-embedded',
        severity: 'warning',
        ...say(onlyInService ? 'service/token-embedded.only-in-service' : 'service/token-embedded.repeated', { file: s.installed.definition.file, reinstall: reinstallCommand(s.cli.paths) }),
        path: 'gateway.auth.token',
        cause: 'secret-in-service',
        evidence: [{ kind: 'service', source: `${s.installed.definition.file} OPENCLAW_GATEWAY_TOKEN`, value: tokenFingerprint(token) }],
        data: { onlyInService },
      },
    ];
  },
  repair: repairByReinstall,
});
