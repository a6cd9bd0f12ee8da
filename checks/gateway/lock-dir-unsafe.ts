// The gateway's lock folder (<tmpdir>/openclaw-<uid>) is another user's or writable by others: they
// could plant a lock that keeps the gateway from starting, so the gateway refuses it (exit 78).
// Explain only: the doctor does not delete a folder that may be another user's. The fix hint says
// what the gateway's own error says (lockDirRemedy, src/system/gateway-lock.ts), in the reader's language.
import path from 'node:path';
import { fact } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'gateway/lock-dir-unsafe',
    area: 'gateway',
    severity: 'error',
    facts: ['lock'],
    fix: 'none',
    docs: 'reference: §1 Paths and resolution (gateway lock dir)',
  },
  detect(facts) {
    const lock = fact(facts, 'lock');
    if (!lock?.dirProblem) return [];
    const dir = path.dirname(lock.path);
    return [
      {
        checkId: 'gateway/lock-dir-unsafe',
        severity: 'error',
        // The problem in English stays a parameter (dirProblem); the texts say it from dirProblemRef.
        ...say('gateway/lock-dir-unsafe.gateway-lock-folder', { dir, dirProblem: lock.dirProblem, dirProblemRef: lock.dirProblemRef ?? lock.dirProblem }),
        cause: 'lock-dir-unsafe',
        evidence: [{ kind: 'file', source: dir, value: lock.dirProblem }],
      },
    ];
  },
});
