// Every schema issue with its path, and every ${ENV} reference to an unset variable.
import { parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck, type Finding } from '../../src/engine/check.js';

/** Issues other checks explain better (and repair). */
const COVERED = new Set(['gateway.token']);

export default defineCheck({
  meta: {
    id: 'config/invalid',
    title: 'The config does not validate',
    area: 'config',
    severity: 'error',
    facts: ['config'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › config validation (`openclaw config validate`)',
  },
  detect(facts) {
    const p = parsedConfig(facts);
    if (!p) return [];
    const out: Finding[] = p.config.issues
      .filter((i) => !COVERED.has(i.path))
      .map((i) => ({
        checkId: 'config/invalid',
        severity: 'error',
        message: `${i.path}: ${i.message}`,
        path: i.path,
        fixHint: i.code === 'unrecognized_keys' ? `Remove or rename it: \`openclaw config unset ${i.path}\`` : `Correct it: \`openclaw config set ${i.path} <value>\` (then \`openclaw config validate\`)`,
        cause: 'config-invalid',
        evidence: [{ kind: 'config', source: i.path, value: i.code }],
      }));
    for (const m of p.config.missingEnv) {
      out.push({
        checkId: 'config/invalid',
        severity: 'error',
        message: `${m.path} refers to \${${m.name}}, which is not set in this environment: the gateway refuses to start.`,
        path: m.path,
        fixHint: `export ${m.name}=… in the environment the gateway runs in (for a service: \`openclaw gateway install --force\`)`,
        cause: 'secret-ref-unresolved',
        evidence: [{ kind: 'env', source: m.name, value: '(unset)' }],
      });
    }
    return out;
  },
});
