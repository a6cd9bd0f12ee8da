// The gateway's single-instance lock names a process that is gone: clear it.
import { fact } from '../../src/engine/check-helpers.js';
import { defineCheck } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'gateway/stale-lock',
    title: 'A stale gateway lock from a process that no longer runs',
    area: 'gateway',
    severity: 'warning',
    facts: ['lock'],
    fix: 'safe',
    docs: 'seeds: Gateway troubleshooting › Gateway service not running (lock timeout)',
  },
  detect(facts) {
    const lock = fact(facts, 'lock');
    if (lock?.state !== 'stale') return [];
    return [
      {
        checkId: 'gateway/stale-lock',
        severity: 'warning',
        message: `The gateway lock names pid ${lock.lock.pid}, which is no longer running (left by a crash or kill -9).`,
        fixHint: '`openclaw doctor --fix` (removes the lock)',
        cause: 'stale-lock',
        evidence: [{ kind: 'file', source: lock.path, value: `pid ${lock.lock.pid}, created ${String(lock.lock.createdAt)}` }],
        data: { path: lock.path, pid: lock.lock.pid },
      },
    ];
  },
  repair: (finding) => [{ op: 'lock.clear', path: String(finding.data?.path), pid: finding.data?.pid as number }],
});
