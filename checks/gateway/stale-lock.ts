// The gateway's single-instance lock names a process that is gone, or a live process that is not the
// gateway that wrote it (pid reuse after a crash): clear the lock FILE. The pid is never signalled.
import { fact } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'gateway/stale-lock',
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
        ...say(lock.ownerAlive ? 'gateway/stale-lock.pid-reused' : 'gateway/stale-lock.pid-gone', { pid: lock.lock.pid, reason: lock.reasonRef ?? lock.reason ?? null }, 'gateway/stale-lock.fix'),
        cause: 'stale-lock',
        evidence: [{ kind: 'file', source: lock.path, value: `pid ${lock.lock.pid}, created ${String(lock.lock.createdAt)}` }],
        data: { path: lock.path, pid: lock.lock.pid },
      },
    ];
  },
  repair: (finding) => [{ op: 'lock.clear', path: String(finding.data?.path), pid: finding.data?.pid as number }],
});
