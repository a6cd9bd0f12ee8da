// The state dir's file system nearly full: config writes (temp file + backup), the pairing store and
// the logs fail with ENOSPC, and a failed write can leave a half-written file behind.
import { en } from '../../src/i18n/index.js';
import { fact } from '../../src/engine/check-helpers.js';
import { defineCheck, type Severity, say } from '../../src/engine/check.js';

/** Below this the next config write with its backups, or a day of logs, may not fit. */
export const DISK_ERROR_BYTES = 100 * 1024 * 1024;
export const DISK_WARNING_BYTES = 1024 * 1024 * 1024;
/** A file system out of inodes refuses new files however many bytes are free. */
export const INODES_ERROR = 1000;

const size = (b: number) => (b >= 1024 ** 3 ? `${(b / 1024 ** 3).toFixed(1)} GiB` : `${Math.round(b / 1024 / 1024)} MiB`);

export default defineCheck({
  meta: {
    id: 'system/disk-space',
    area: 'system',
    severity: 'error',
    facts: ['disk'],
    fix: 'none',
    docs: 'seeds: Gateway errors › ENOSPC; reference: §2 atomic config writes',
  },
  detect(facts) {
    const d = fact(facts, 'disk');
    if (!d || d.totalBytes === 0) return [];
    const inodesOut = d.totalInodes > 0 && d.freeInodes < INODES_ERROR;
    const severity: Severity | undefined = d.availableBytes < DISK_ERROR_BYTES || inodesOut ? 'error' : d.availableBytes < DISK_WARNING_BYTES ? 'warning' : undefined;
    if (!severity) return [];
    return [
      {
        checkId: 'system/disk-space',
        severity,
        ...say('system/disk-space.file-system-config', { path: d.path, inodesOut, freeInodes: d.freeInodes, available: size(d.availableBytes), total: size(d.totalBytes), severity }),
        cause: 'disk-full',
        evidence: [
          { kind: 'system', source: `statfs ${d.path}`, value: en('system/disk-space.evidence.bytes', { available: size(d.availableBytes), total: size(d.totalBytes) }) },
          ...(d.totalInodes > 0 ? [{ kind: 'system' as const, source: 'inodes', value: en('system/disk-space.evidence.inodes', { free: d.freeInodes, total: d.totalInodes }) }] : []),
        ],
      },
    ];
  },
});
