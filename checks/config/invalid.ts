// Every schema issue with its path, and every ${ENV} reference to an unset variable. The gateway
// refuses such a config, so each gets a repair or says exactly what to do: an unknown key is removed
// (asked first; the value is in the finding and `doctor --undo` puts it back), an auth mode that does
// not exist becomes the one the config's secrets imply; any other bad value needs the user's choice.
import { configEvidence, get, parsedConfig, switchToTokenAuth } from '../../src/engine/check-helpers.js';
import { defineCheck, type Finding, say, type Said } from '../../src/engine/check.js';
import type { ValidationIssue } from '../../src/config/schema.js';

/** Issues other checks explain better (and repair). */
const COVERED = new Set(['gateway.token']);

// The validator's own words for what is wrong (i.message, src/config/schema.ts) stay a parameter in
// English; the texts say it from messageRef, the same as data worded in the reader's language.
function forIssue(i: ValidationIssue, cfg: Record<string, any>): Said & Pick<Finding, 'data'> {
  const params = { path: i.path, message: i.message, messageRef: i.reason ?? i.message };
  if (i.code === 'unrecognized_keys') {
    return { ...say('config/invalid.issue', params, 'config/invalid.unknown-key.fix'), data: { unset: i.path } };
  }
  if (i.path === 'gateway.auth.mode') {
    const auth = cfg.gateway?.auth ?? {};
    const mode = typeof auth.password === 'string' && auth.password && !auth.token ? 'password' : 'token';
    const modes = (i.allowed ?? []).join('|') || null;
    return { ...say('config/invalid.issue', { ...params, mode, generated: mode === 'token' && !auth.token, modes }, 'config/invalid.auth-mode.fix'), data: { authMode: mode } };
  }
  return say('config/invalid.issue', { ...params, allowed: i.allowed?.length ? i.allowed.join(', ') : null }, 'config/invalid.value.fix');
}

export default defineCheck({
  meta: {
    id: 'config/invalid',
    area: 'config',
    severity: 'error',
    facts: ['config'],
    fix: 'confirm',
    docs: 'seeds: Gateway troubleshooting › config validation (`openclaw config validate`)',
  },
  detect(facts) {
    const p = parsedConfig(facts);
    if (!p) return [];
    const out: Finding[] = p.config.issues
      // config/mistyped explains (and repairs) what is one typo away from a known key or value.
      .filter((i) => !COVERED.has(i.path) && !i.didYouMean && i.suggestedValue === undefined)
      .map((i) => ({
        checkId: 'config/invalid',
        severity: 'error',
        path: i.path,
        cause: 'config-invalid',
        ...forIssue(i, p.cfg),
        evidence: [configEvidence(i.path, get(p.config.raw, i.path))], // the value as written (secrets redacted); zod's code stays out of human text
      }));
    for (const m of p.config.missingEnv) {
      out.push({
        checkId: 'config/invalid',
        severity: 'error',
        ...say('config/invalid.refers-which-set', { path: m.path, name: m.name }),
        path: m.path,
        cause: 'secret-ref-unresolved',
        evidence: [{ kind: 'env', source: m.name, value: '(unset)' }],
      });
    }
    return out;
  },
  repair(finding, facts) {
    if (typeof finding.data?.unset === 'string') return [{ op: 'config.unset', path: finding.data.unset }];
    if (finding.data?.authMode === 'password') return [{ op: 'config.set', path: 'gateway.auth.mode', value: 'password' }];
    if (finding.data?.authMode === 'token') return switchToTokenAuth(parsedConfig(facts)?.cfg);
    return [];
  },
});
