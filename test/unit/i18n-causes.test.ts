// The causes' texts in the message catalog (cause.<id>.title / .explanation) are causes.yaml's own
// words, so explain and logs scan can say them in every locale without a second English to keep.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { causeMessages, CAUSE_MESSAGES } from '../../scripts/cause-messages.mjs';
import { createRequire } from 'node:module';
import { en, hasMessage, readCatalog } from '../../src/i18n/index.js';
import { catalogDir } from '../../src/signatures/load.js';

describe('cause messages', () => {
  it('locales/en/causes.json is causes.yaml as written (regenerate: node scripts/cause-messages.mjs)', () => {
    expect(fs.readFileSync(CAUSE_MESSAGES, 'utf8')).toBe(causeMessages());
  });

  it('every cause reads back in English exactly as causes.yaml says it, braces and all', () => {
    const causes = parse(fs.readFileSync(`${catalogDir()}/causes.yaml`, 'utf8')) as Record<string, { title: string; explanation: string }>;
    const english = readCatalog('en');
    const MessageFormat = createRequire(import.meta.url)('@messageformat/core') as typeof import('@messageformat/core').default;
    const mf = new MessageFormat('en');
    for (const [id, c] of Object.entries(causes)) {
      expect(mf.compile(english[`cause.${id}.title`]!)({}), id).toBe(c.title.trim());
      expect(mf.compile(english[`cause.${id}.explanation`]!)({}), id).toBe(c.explanation.trim().replace(/\s+/g, ' '));
    }
  });

  it('stay out of the bundle: their English comes with the signature catalog, passed to t() (no start pays for them)', () => {
    const ids = Object.keys(readCatalog('en')).filter((id) => id.startsWith('cause.'));
    expect(ids.length).toBeGreaterThan(200);
    expect(ids.filter((id) => hasMessage(id))).toEqual([]);
    expect(en('cause.port-conflict.title', {}, 'Gateway port already in use')).toBe('Gateway port already in use');
  });
});
