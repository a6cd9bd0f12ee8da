// What `openclaw --version` prints. The version itself is a ground fact (src/version.ts).
import { t } from '../i18n/index.js';
import { PROTOCOL_MAX, PROTOCOL_MIN } from '../protocol/constants.js';
import { KNOWN_OPENCLAW_RELEASES, VERSION } from '../version.js';

export { VERSION };

/** The version on the first line (as scripts read it), then what it is compatible with, in the active locale. */
export function versionText(): string {
  return [
    VERSION,
    t('cli.version.about'),
    t('cli.version.compat', { min: PROTOCOL_MIN, max: PROTOCOL_MAX, oldest: KNOWN_OPENCLAW_RELEASES.oldest, newest: KNOWN_OPENCLAW_RELEASES.newest }),
  ].join('\n');
}
