// Which English each translation was made from: locales/<locale>.translated-from.json maps every id
// to a short hash of the English text at the time its translation was written or last reviewed.
// test/unit/i18n-stale.test.ts fails when an English text changes and a translation still carries
// the old text's stamp, naming the ids, so a changed English never leaves a stale translation unseen.
//
// After updating a locale's translations to the new English:  node scripts/translation-stamps.mjs ko
// (stamps only the ids whose text in that locale changed since it was last stamped, plus new ids;
// --all stamps every id of the locale as reviewed).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The short hash of an English text that a translation's stamp records. */
export const stampOf = (english) => crypto.createHash('sha256').update(english).digest('hex').slice(0, 12);

export const stampsPath = (locale, root = ROOT) => path.join(root, 'locales', `${locale}.translated-from.json`);

/** A locale's messages (its JSON files merged), as the i18n module reads them. */
export function messagesOf(locale, root = ROOT) {
  const dir = path.join(root, 'locales', locale);
  const out = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) Object.assign(out, JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
  return out;
}

export function readStamps(locale, root = ROOT) {
  const file = stampsPath(locale, root);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
}

/** Ids whose English changed since their translation in `locale` was stamped (or that were never stamped). */
export function staleIds(locale, root = ROOT) {
  const english = messagesOf('en', root);
  const stamps = readStamps(locale, root).stamps ?? {};
  return Object.keys(english).filter((id) => stamps[id] !== stampOf(english[id])).sort();
}

/**
 * Stamps the ids of `locale` whose translation changed since its last stamp (and new ids) with
 * their current English; `all` stamps every id as reviewed. Returns how many stamps changed.
 */
export function stamp(locale, { all = false, root = ROOT } = {}) {
  const english = messagesOf('en', root);
  const translated = messagesOf(locale, root);
  const before = readStamps(locale, root);
  const stamps = { ...(before.stamps ?? {}) };
  let changed = 0;
  for (const id of Object.keys(english)) {
    if (!(id in translated)) continue;
    // A translation whose text did not change was not reviewed against the new English: it keeps its old stamp.
    const touched = all || !(id in stamps) || before.texts?.[id] !== stampOf(translated[id]);
    if (touched && stamps[id] !== stampOf(english[id])) {
      stamps[id] = stampOf(english[id]);
      changed++;
    }
  }
  for (const id of Object.keys(stamps)) if (!(id in english)) delete stamps[id];
  const texts = Object.fromEntries(Object.keys(stamps).map((id) => [id, stampOf(translated[id] ?? '')]));
  const sorted = (o) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  fs.writeFileSync(stampsPath(locale, root), `${JSON.stringify({ stamps: sorted(stamps), texts: sorted(texts) }, null, 1)}\n`);
  return changed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const all = process.argv.includes('--all');
  const locales = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (locales.length === 0) {
    console.error('usage: node scripts/translation-stamps.mjs [--all] <locale>...   (after updating its translations)');
    process.exit(2);
  }
  for (const locale of locales) {
    const changed = stamp(locale, { all });
    console.log(`${locale}: ${changed} stamps updated; ${staleIds(locale).length} translations older than their English`);
  }
}
