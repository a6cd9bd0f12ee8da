// What `openclaw --version` prints. The version itself is a ground fact (src/version.ts).
import { PROTOCOL_MAX, PROTOCOL_MIN } from '../protocol/constants.js';
import { KNOWN_OPENCLAW_RELEASES, VERSION } from '../version.js';

export { VERSION };

/** The version on the first line, then what it is compatible with. */
export function versionText(): string {
  return [
    VERSION,
    'openclaw-doctor-toolkit: the troubleshooting toolkit and embedded gateway for OpenClaw (not the full OpenClaw CLI)',
    `gateway protocol ${PROTOCOL_MIN}–${PROTOCOL_MAX}; checks and log signatures know OpenClaw ${KNOWN_OPENCLAW_RELEASES.oldest} to ${KNOWN_OPENCLAW_RELEASES.newest}`,
  ].join('\n');
}
