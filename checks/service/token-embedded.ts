// service/token-embedded: a secret baked into a service definition, a file other tools read and
// back up. The fix moves it into gateway.auth.token (when the config lacks one) and reinstalls.
import { defineCheck } from '../../src/engine/check.js';
import { repairByReinstall, sameSecret, servicesOf, tokenFingerprint } from '../../src/engine/service-check-helpers.js';
import { reinstallCommand } from '../../src/service/service-paths.js';

export default defineCheck({
  meta: {
    id: 'service/token-embedded',
    title: 'No token baked into the service definition',
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
        message: onlyInService
          ? `The gateway token lives only in the service definition ${s.installed.definition.file} (OPENCLAW_GATEWAY_TOKEN); gateway.auth.token is not set. Reinstalling as is would lose it.`
          : `The service definition ${s.installed.definition.file} repeats the gateway token in OPENCLAW_GATEWAY_TOKEN; the config already has it.`,
        path: 'gateway.auth.token',
        fixHint: onlyInService
          ? `Run \`openclaw doctor --fix --yes\` (saves the token to gateway.auth.token, then reinstalls), or set it yourself with \`openclaw config set gateway.auth.token <token>\` and run \`${reinstallCommand(s.cli.paths)}\``
          : `Reinstall without it: \`${reinstallCommand(s.cli.paths)}\``,
        cause: 'secret-in-service',
        evidence: [{ kind: 'service', source: `${s.installed.definition.file} OPENCLAW_GATEWAY_TOKEN`, value: tokenFingerprint(token) }],
        data: { onlyInService },
      },
    ];
  },
  repair: repairByReinstall,
});
