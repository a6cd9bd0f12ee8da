// The state dir should be 0700 and the files holding secrets 0600 (config, backups, identity, devices).
import { fact } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

const octal = (m: number) => `0${m.toString(8).padStart(3, '0')}`;

export default defineCheck({
  meta: {
    id: 'state/permissions',
    area: 'state',
    severity: 'warning',
    facts: ['state'],
    fix: 'safe',
    docs: 'reference: paths (state dir 0700, config 0600)',
  },
  detect(facts) {
    const state = fact(facts, 'state');
    if (!state?.exists) return [];
    return state.entries
      .filter((e) => (e.mode & 0o077) !== 0)
      .map((e) => {
        const want = e.kind === 'dir' ? 0o700 : 0o600;
        return {
          checkId: 'state/permissions',
          severity: 'warning' as const,
          ...say('state/permissions.other-users-machine', { path: e.path, mode: octal(e.mode), kind: e.kind, role: e.role, want: octal(want) }),
          // No cause: no log line names this (the catalog's permission-denied is the opposite, too closed).
          evidence: [{ kind: 'file' as const, source: e.path, value: octal(e.mode) }],
          data: { path: e.path, mode: want },
        };
      });
  },
  repair: (finding) => [{ op: 'file.chmod', path: String(finding.data?.path), mode: Number(finding.data?.mode) }],
});
