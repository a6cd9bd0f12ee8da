// Writes locales/en/causes.json from signatures/causes.yaml: each cause's title and explanation as
// the catalog messages cause.<id>.title and cause.<id>.explanation, so `explain` and `logs scan`
// can speak them in every locale; and each signature's detail (signatures/*.yaml) as
// signature.<id>.detail, its `{group}` placeholders the line's captured groups. The YAML stays the
// one English source; test/unit/i18n-causes fails when the two differ. Run after editing causes.yaml: `node scripts/cause-messages.mjs`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CAUSE_MESSAGES = path.join(ROOT, 'locales/en/causes.json');

/** Plain text as an ICU message: braces quoted, so `${ENV}` stays text. */
export const icuText = (text) => text.replace(/[{}]/g, (b) => `'${b}'`);

export function causeMessages() {
  const causes = parse(fs.readFileSync(path.join(ROOT, 'signatures/causes.yaml'), 'utf8'));
  const messages = {};
  for (const [id, cause] of Object.entries(causes)) {
    messages[`cause.${id}.title`] = icuText(cause.title.trim());
    messages[`cause.${id}.explanation`] = icuText(cause.explanation.trim().replace(/\s+/g, ' '));
  }
  // A signature's one-line detail narrows its cause: `{group}` is the group the line captured.
  for (const file of fs.readdirSync(path.join(ROOT, 'signatures')).filter((f) => f.endsWith('.yaml') && !['causes.yaml', 'combinations.yaml'].includes(f)).sort()) {
    for (const sig of parse(fs.readFileSync(path.join(ROOT, 'signatures', file), 'utf8')) ?? []) {
      if (sig?.detail) messages[`signature.${sig.id}.detail`] = sig.detail.trim();
    }
  }
  return `${JSON.stringify(messages, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) fs.writeFileSync(CAUSE_MESSAGES, causeMessages());
