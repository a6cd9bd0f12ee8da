// The toolkit's version, read from its package.json, and what `--version` says it works with.
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../package-root.js';
import { PROTOCOL_MAX, PROTOCOL_MIN } from '../protocol/constants.js';

export const VERSION: string = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version;

/** The OpenClaw releases whose files, messages and protocol the checks and signatures were built against. */
export const KNOWN_OPENCLAW_RELEASES = { oldest: '2026.4', newest: '2026.9.6' } as const;

/** What `openclaw --version` prints: the version on the first line, then what it is compatible with. */
export function versionText(): string {
  return [
    VERSION,
    'openclaw-doctor-toolkit: the troubleshooting toolkit and embedded gateway for OpenClaw (not the full OpenClaw CLI)',
    `gateway protocol ${PROTOCOL_MIN}–${PROTOCOL_MAX}; checks and log signatures know OpenClaw ${KNOWN_OPENCLAW_RELEASES.oldest} to ${KNOWN_OPENCLAW_RELEASES.newest}`,
  ].join('\n');
}
