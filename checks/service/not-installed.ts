// service/not-installed: no service definition for this profile. Information only: running the
// gateway in the foreground or under another supervisor is a fine choice.
import { fact } from '../../src/engine/check-helpers.js';
import { defineCheck } from '../../src/engine/check.js';
import { servicesOf } from '../../src/engine/service-check-helpers.js';
import { installCommand } from '../../src/service/service-paths.js';

export default defineCheck({
  meta: {
    id: 'service/not-installed',
    title: 'Gateway service installed',
    area: 'service',
    severity: 'info',
    facts: ['services', 'virt'],
    fix: 'none',
    docs: 'seeds: Gateway runbook › supervised run (`openclaw gateway install`)',
  },
  detect(facts) {
    const s = servicesOf(facts);
    if (!s || s.installed || s.readError) return [];
    // Where the service manager cannot run a service (containers, WSL without systemd) there is
    // nothing to install: no advice beats advice that cannot be followed.
    if (s.availability && !s.availability.ok) return [];
    // In a container the runtime's restart policy is the supervisor, even where systemd would work.
    if (fact(facts, 'virt')?.container) return [];
    return [
      {
        checkId: 'service/not-installed',
        severity: 'info',
        message: `No gateway service is installed for this profile (${s.expected.name} at ${s.expected.file}).`,
        fixHint: `To have the gateway started at login and restarted when it exits: \`${installCommand(s.cli.paths)}\``,
        evidence: [{ kind: 'file', source: s.expected.file, value: 'missing' }],
      },
    ];
  },
});
