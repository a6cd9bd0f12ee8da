// A translation is tied to the English it was made from (scripts/translation-stamps.mjs): when an
// English text changes, its translations are stale until someone updates them and stamps them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleIds, stamp } from '../../scripts/translation-stamps.mjs';
import { LOCALES } from '../../src/i18n/index.js';

describe('translations against the English they were made from', () => {
  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    it(`${locale}: every translation was stamped with its English as it is now`, () => {
      // If this fails: update these ids in locales/<locale>/ to the new English, then run
      // `node scripts/translation-stamps.mjs <locale>` (it stamps only the translations you changed).
      expect(staleIds(locale)).toEqual([]);
    });
  }
});

describe('scripts/translation-stamps.mjs', () => {
  /** A tiny locales tree: English and Korean, one file each. */
  function tree(en: Record<string, string>, ko: Record<string, string>): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-stamps-'));
    for (const [locale, messages] of Object.entries({ en, ko })) {
      fs.mkdirSync(path.join(root, 'locales', locale), { recursive: true });
      fs.writeFileSync(path.join(root, 'locales', locale, 'm.json'), JSON.stringify(messages));
    }
    return root;
  }
  const write = (root: string, locale: string, messages: Record<string, string>) => fs.writeFileSync(path.join(root, 'locales', locale, 'm.json'), JSON.stringify(messages));

  it('a changed English makes its translation stale until the translation is changed and stamped', () => {
    const root = tree({ a: 'Gateway is down', b: 'Fixed' }, { a: '게이트웨이가 멈춤', b: '수정됨' });
    expect(staleIds('ko', root)).toEqual(['a', 'b']); // never stamped
    stamp('ko', { root });
    expect(staleIds('ko', root)).toEqual([]);

    write(root, 'en', { a: 'Gateway is not running', b: 'Fixed' });
    expect(staleIds('ko', root)).toEqual(['a']);
    // Stamping without changing the translation stamps nothing: nobody reviewed it.
    expect(stamp('ko', { root })).toBe(0);
    expect(staleIds('ko', root)).toEqual(['a']);
    // The translator updates it; stamping now takes the new English.
    write(root, 'ko', { a: '게이트웨이가 실행 중이 아님', b: '수정됨' });
    expect(stamp('ko', { root })).toBe(1);
    expect(staleIds('ko', root)).toEqual([]);
  });

  it('--all marks every translation as reviewed against the current English', () => {
    const root = tree({ a: 'One' }, { a: '하나' });
    stamp('ko', { root });
    write(root, 'en', { a: 'One, reworded' });
    expect(staleIds('ko', root)).toEqual(['a']);
    expect(stamp('ko', { root, all: true })).toBe(1);
    expect(staleIds('ko', root)).toEqual([]);
  });

  it('a new English id is stale in every translation until translated and stamped', () => {
    const root = tree({ a: 'One' }, { a: '하나' });
    stamp('ko', { root });
    write(root, 'en', { a: 'One', c: 'New' });
    expect(staleIds('ko', root)).toEqual(['c']);
    write(root, 'ko', { a: '하나', c: '새것' });
    stamp('ko', { root });
    expect(staleIds('ko', root)).toEqual([]);
  });
});
