// `openclaw doctor` and `explain` in Korean, Simplified and Traditional Chinese, chosen by LANG, by
// OPENCLAW_LANG or by --lang; the machine outputs stay English and add the localised text.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-sync.js';
import { cliEnv, useFixtures } from '../helpers/fixtures.js';

const fixture = useFixtures();

const HANGUL = /\p{Script=Hangul}/u;
const HAN = /\p{Script=Han}/u;
/** The report without its timings, which differ from run to run. */
const untimed = (text: string) => text.replace(/\d+ ms/g, '<n> ms');
/** The line of a finding of a check, in the human report. */
const findingLine = (out: string, checkId: string) => out.split('\n').find((l) => l.includes(`[${checkId}]`)) ?? '';

describe('doctor on a broken config speaks the language of LANG', () => {
  it('ko_KR.UTF-8: Korean finding, fix and summary; commands and keys untouched', () => {
    const r = runCli(['doctor'], { ...cliEnv(fixture('mode-unset')), LANG: 'ko_KR.UTF-8' });
    expect(r.code).toBe(1);
    const line = findingLine(r.stdout, 'gateway/mode-unset');
    expect(line).toContain('오류');
    expect(line.replace('오류', '')).toMatch(HANGUL);
    expect(line).toContain('gateway.mode');
    expect(r.stdout).toMatch(/^\s+해결: .*openclaw (doctor --fix|config set gateway\.mode local)/m);
    expect(r.stdout).toContain('오류 1개');
    expect(r.stdout).toContain('`openclaw doctor --fix`');
    expect(r.stdout).not.toMatch(/\b1 error\b|checks in|fixable with/);
  });

  // Each Chinese script, and characters only the other script writes (so a mix-up shows).
  const CHINESE = [
    { langs: ['zh_CN.UTF-8'], name: 'Simplified', error: '错误', count: '1 个错误', fix: '修复：', other: /[個錯誤檢設]/ },
    { langs: ['zh_TW.UTF-8', 'zh_HK.UTF-8'], name: 'Traditional', error: '錯誤', count: '1 個錯誤', fix: '修復：', other: /[个错误检设]/ },
  ];
  for (const c of CHINESE) {
    it(`${c.langs.join(', ')}: ${c.name} Chinese`, () => {
      for (const lang of c.langs) {
        const r = runCli(['doctor'], { ...cliEnv(fixture('mode-unset')), LANG: lang });
        expect(r.code, lang).toBe(1);
        const line = findingLine(r.stdout, 'gateway/mode-unset');
        expect(line, lang).toContain(c.error);
        expect(line.replace(c.error, ''), lang).toMatch(HAN);
        expect(r.stdout, lang).toContain(c.count);
        expect(r.stdout, lang).toContain(c.fix);
        expect(r.stdout, lang).not.toMatch(c.other);
      }
    });
  }

  it('--lang en overrides LANG, byte for byte the English report; OPENCLAW_LANG comes before LANG', () => {
    const env = cliEnv(fixture('mode-unset'));
    const english = runCli(['doctor'], env);
    const overridden = runCli(['doctor', '--lang', 'en'], { ...env, LANG: 'ko_KR.UTF-8', LC_ALL: 'zh_CN.UTF-8' });
    expect(untimed(overridden.stdout)).toBe(untimed(english.stdout));
    expect(english.stdout).toContain('1 error');
    const traditional = runCli(['doctor'], { ...env, OPENCLAW_LANG: 'zh-Hant', LANG: 'ko_KR.UTF-8' });
    expect(traditional.stdout).toContain('1 個錯誤');
  });

  it('--json keeps message English and adds text in the active locale', () => {
    const env = cliEnv(fixture('mode-unset'));
    const english = runCli(['doctor', '--json'], env).json().findings[0];
    expect(english.text).toBeUndefined();
    for (const [lang, script] of [['ko_KR.UTF-8', HANGUL], ['zh_CN.UTF-8', HAN], ['zh_TW.UTF-8', HAN]] as const) {
      const f = runCli(['doctor', '--json'], { ...env, LANG: lang }).json().findings[0];
      expect(f.checkId).toBe('gateway/mode-unset');
      expect(f.message, lang).toBe(english.message);
      expect(f.messageId, lang).toBe(english.messageId);
      expect(f.params, lang).toEqual(english.params);
      expect(f.text, lang).toMatch(script);
    }
  });
});

describe('explain speaks the language too', () => {
  it('a cause explained in Korean and Chinese; the fix commands stay as they are', () => {
    const line = 'Refusing to bind gateway to lan without auth.';
    for (const [lang, script, fix] of [['ko_KR.UTF-8', HANGUL, '해결:'], ['zh_CN.UTF-8', HAN, '修复：'], ['zh_TW.UTF-8', HAN, '修復：']] as const) {
      const r = runCli(['explain', line], { PATH: process.env.PATH, NO_COLOR: '1', HOME: '/nonexistent', LANG: lang });
      expect(r.code, lang).toBe(1);
      const lines = r.stdout.split('\n');
      // `<severity> <cause id>: <title>`, then the explanation: the id stays, the words are the locale's.
      expect(lines[0], lang).toMatch(/^\S+ bind-without-auth: /);
      expect(lines[0].split(': ')[1], lang).toMatch(script);
      expect(lines[1], lang).toMatch(script);
      expect(r.stdout, lang).toContain(fix);
      expect(r.stdout, lang).toContain('openclaw config set gateway.bind loopback');
    }
  });
});
