// The message catalog: locale resolution, English fallback, every locale file complete and with
// the same placeholders as English, and the compiled English module in step with its source.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, type Token } from '@messageformat/parser';
import { afterEach, describe, expect, it } from 'vitest';
import { activeLocale, catalogPath, en, LOCALES, readCatalog, resolveLocale, setLocale, t, UnknownLocaleError, type Locale } from '../../src/i18n/index.js';
import { compileEnglish, GENERATED } from '../../scripts/compile-messages.mjs';
import { say } from '../../src/engine/check.js';
import { displayWidth, padColumns } from '../../src/i18n/width.js';

afterEach(() => setLocale('en'));

describe('resolveLocale', () => {
  const cases: [string | undefined, Record<string, string>, Locale][] = [
    [undefined, {}, 'en'],
    [undefined, { LANG: 'ko_KR.UTF-8' }, 'ko'],
    [undefined, { LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [undefined, { LANG: 'zh_TW.UTF-8' }, 'zh-TW'],
    [undefined, { LANG: 'zh_HK.UTF-8' }, 'zh-TW'],
    [undefined, { LANG: 'zh_MO' }, 'zh-TW'],
    [undefined, { LANG: 'zh_SG.UTF-8' }, 'zh-CN'],
    [undefined, { LANG: 'zh' }, 'zh-CN'],
    [undefined, { OPENCLAW_LANG: 'zh-Hant' }, 'zh-TW'],
    [undefined, { OPENCLAW_LANG: 'zh-Hant-HK' }, 'zh-TW'],
    [undefined, { OPENCLAW_LANG: 'zh-Hans' }, 'zh-CN'],
    [undefined, { LANG: 'C' }, 'en'],
    [undefined, { LANG: 'POSIX' }, 'en'],
    [undefined, { LANG: 'C.UTF-8' }, 'en'],
    [undefined, { LANG: 'de_DE.UTF-8' }, 'en'],
    [undefined, { LANG: 'sr_RS@latin' }, 'en'],
    [undefined, { LANG: 'ko_KR.UTF-8@euro' }, 'ko'],
    // The POSIX order: LC_ALL, then LC_MESSAGES, then LANG; an empty one does not count.
    [undefined, { LC_ALL: 'zh_TW.UTF-8', LC_MESSAGES: 'ko_KR.UTF-8', LANG: 'zh_CN.UTF-8' }, 'zh-TW'],
    [undefined, { LC_ALL: '', LC_MESSAGES: 'ko_KR.UTF-8', LANG: 'zh_CN.UTF-8' }, 'ko'],
    [undefined, { LC_ALL: 'C', LANG: 'ko_KR.UTF-8' }, 'en'],
    // OPENCLAW_LANG before the system's; --lang before both.
    [undefined, { OPENCLAW_LANG: 'ko', LC_ALL: 'zh_CN.UTF-8' }, 'ko'],
    ['zh-TW', { OPENCLAW_LANG: 'ko', LC_ALL: 'zh_CN.UTF-8' }, 'zh-TW'],
    ['en', { LANG: 'ko_KR.UTF-8' }, 'en'],
    ['ko-KR', {}, 'ko'],
  ];
  for (const [flag, env, want] of cases) {
    it(`--lang ${flag ?? '(none)'} ${JSON.stringify(env)} → ${want}`, () => expect(resolveLocale(flag, env)).toBe(want));
  }

  it('a --lang it does not speak is an error that names the languages it does', () => {
    expect(() => resolveLocale('fr', {})).toThrow(UnknownLocaleError);
    expect(() => resolveLocale('fr', {})).toThrow(/en, ko, zh-CN, zh-TW/);
  });
});

describe('t() and en()', () => {
  it('formats named parameters and English plurals', () => {
    expect(en('report.errors', { count: 1 })).toBe('1 error');
    expect(en('report.errors', { count: 3 })).toBe('3 errors');
    expect(t('report.errors', { count: 2 })).toBe('2 errors');
    expect(activeLocale()).toBe('en');
  });

  it('speaks the active locale, and English for a message the locale lacks', () => {
    setLocale('ko', { 'report.errors': '오류 {count}개' });
    expect(activeLocale()).toBe('ko');
    expect(t('report.errors', { count: 3 })).toBe('오류 3개');
    expect(t('report.warnings', { count: 3 })).toBe('3 warnings');
    // en() is English whatever the locale: the machine outputs' `message`.
    expect(en('report.errors', { count: 3 })).toBe('3 errors');
  });

  it('uses the plural rules of the active locale', () => {
    setLocale('zh-CN', { 'report.errors': '{count, plural, other {{count} 个错误}}' });
    expect(t('report.errors', { count: 1 })).toBe('1 个错误');
  });

  it('a message given as a parameter is shown in the same language', () => {
    const seen = { id: 'report.errors', params: { count: 2 } };
    expect(en('report.backup', { path: seen })).toBe('Backup of the previous config: 2 errors');
    setLocale('ko', { 'report.backup': '백업: {path}', 'report.errors': '오류 {count}개' });
    expect(t('report.backup', { path: seen })).toBe('백업: 오류 2개');
    expect(en('report.backup', { path: seen })).toBe('Backup of the previous config: 2 errors');
  });

  it('say() fills English message and fix hint, and the ids and params the machine outputs carry', () => {
    const said = say('gateway/mode-unset.no-config-file', { path: '/x/openclaw.json' });
    expect(said).toEqual({
      message: 'No config file at /x/openclaw.json: the gateway refuses to start ("Missing config").',
      messageId: 'gateway/mode-unset.no-config-file',
      params: { path: '/x/openclaw.json' },
      fixHint: en('gateway/mode-unset.no-config-file.fix'),
      fixHintId: 'gateway/mode-unset.no-config-file.fix',
    });
    expect(say('gateway/mode-unset.no-config-file', { path: 'p' }, null)).not.toHaveProperty('fixHintId');
  });

  it('an unknown id shows itself instead of failing the report', () => {
    expect(en('no.such.message')).toBe('no.such.message');
  });
});

/** Every parameter a message names, at any depth (inside plural and select cases too). */
function placeholders(source: string): string[] {
  const names = new Set<string>();
  const walk = (tokens: Token[]) => {
    for (const tok of tokens) {
      if (tok.type === 'argument' || tok.type === 'function') names.add(tok.arg);
      if (tok.type === 'plural' || tok.type === 'select' || tok.type === 'selectordinal') {
        names.add(tok.arg);
        for (const c of tok.cases) walk(c.tokens);
      }
    }
  };
  walk(parse(source));
  return [...names].sort();
}

describe('display width', () => {
  it('counts Hangul and CJK as two columns, so labels line up in every language', () => {
    expect(displayWidth('error')).toBe(5);
    expect(displayWidth('오류')).toBe(4);
    expect(displayWidth('错误')).toBe(4);
    expect(padColumns('오류', 7)).toBe('오류   ');
    expect(padColumns('warning', 7)).toBe('warning');
    expect(padColumns('too long', 3)).toBe('too long');
  });
});

describe('the catalogs', () => {
  const english = readCatalog('en');
  const others = LOCALES.filter((l) => l !== 'en' && fs.existsSync(catalogPath(l)));

  it('English parses, and the compiled module is in step with it (npm run build regenerates it)', () => {
    for (const source of Object.values(english)) placeholders(source);
    expect(fs.readFileSync(GENERATED, 'utf8')).toBe(compileEnglish());
  });

  it('only the locales we speak have catalogs', () => {
    const dirs = fs.readdirSync(path.dirname(catalogPath('en')), { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(dirs.map((d) => d.name).filter((l) => !(LOCALES as readonly string[]).includes(l))).toEqual([]);
  });

  it('an id defined in two files of a locale is an error', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'i18n-catalog-'));
    try {
      fs.mkdirSync(path.join(root, 'locales/ko'), { recursive: true });
      fs.writeFileSync(path.join(root, 'locales/ko/a.json'), '{"x.y": "하나"}');
      fs.writeFileSync(path.join(root, 'locales/ko/b.json'), '{"x.y": "둘"}');
      expect(() => readCatalog('ko', root)).toThrow(/x\.y is defined twice/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  for (const locale of others) {
    describe(locale, () => {
      const messages = readCatalog(locale);
      it('has every English message and no other', () => {
        expect(Object.keys(english).filter((id) => !(id in messages))).toEqual([]);
        expect(Object.keys(messages).filter((id) => !(id in english))).toEqual([]);
      });
      it('names the same placeholders as English in every message', () => {
        const differ = Object.keys(messages)
          .filter((id) => id in english && placeholders(messages[id]!).join() !== placeholders(english[id]!).join())
          .map((id) => ({ id, english: placeholders(english[id]!), [locale]: placeholders(messages[id]!) }));
        expect(differ).toEqual([]);
      });
      it('compiles in its own locale', () => {
        setLocale(locale);
        for (const id of Object.keys(messages)) expect(() => t(id, {})).not.toThrow();
      });
    });
  }
});
