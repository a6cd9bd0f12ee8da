// The gateway's single-instance lock names a process that is gone, or a live process that is not the
// gateway that wrote it (pid reuse after a crash): clear the lock FILE. The pid is never signalled.
import { fact } from '../../src/engine/check-helpers.js';
import { defineCheck } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'gateway/stale-lock',
    title: 'A stale gateway lock whose owner is gone or is not a gateway',
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
        message: lock.ownerAlive
          ? `The gateway lock names pid ${lock.lock.pid}, which runs but is not the gateway that wrote the lock (${lock.reason}): the pid was reused after a crash. That process is never signalled.`
          : `The gateway lock names pid ${lock.lock.pid}, which is no longer running (left by a crash or kill -9).`,
        fixHint: '`openclaw doctor --fix` (removes the lock file only)',
        cause: 'stale-lock',
        evidence: [{ kind: 'file', source: lock.path, value: `pid ${lock.lock.pid}, created ${String(lock.lock.createdAt)}` }],
        data: { path: lock.path, pid: lock.lock.pid },
      },
    ];
  },
  repair: (finding) => [{ op: 'lock.clear', path: String(finding.data?.path), pid: finding.data?.pid as number }],
});
