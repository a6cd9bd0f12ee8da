// `explain` speaks a cause's title and explanation in the user's language through the built CLI:
// the terminal shows the locale's words, --json keeps the English `title`/`explanation` and the cause
// id and adds `text` only when the language is not English. The expected words come from the same
// catalogs (a locale without a cause's translation shows the English from causes.yaml).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli-sync.js';
import { resolveLocale, setLocale } from '../../src/i18n/index.js';
import { translatedCause } from '../../src/signatures/cause-text.js';
import { catalogDir } from '../../src/signatures/load.js';

afterEach(() => setLocale('en'));

// A line a real gateway writes when gateway.bind is lan and no auth is configured.
const LINE = '[gateway] Refusing to bind gateway to lan without auth';
const CAUSE = 'bind-without-auth';
const english = (parse(fs.readFileSync(path.join(catalogDir(), 'causes.yaml'), 'utf8')) as Record<string, { title: string; explanation: string }>)[CAUSE];
const env = (LANG: string) => ({ PATH: process.env.PATH, NO_COLOR: '1', HOME: '/nonexistent', LANG });

function expectedText(lang: string) {
  setLocale(resolveLocale(undefined, { LANG: lang }));
  try {
    return translatedCause(CAUSE, english);
  } finally {
    setLocale('en');
  }
}

describe('explain speaks the cause in the user\'s language', () => {
  for (const lang of ['ko_KR.UTF-8', 'zh_CN.UTF-8', 'zh_TW.UTF-8']) {
    it(`LANG=${lang}: the terminal shows the locale's title; --json keeps English and adds text`, () => {
      const want = expectedText(lang)!;
      const json = runCli(['explain', '--json', LINE], env(lang));
      expect(json.code).toBe(1);
      const [cause] = json.json().causes;
      expect(cause.cause).toBe(CAUSE);
      expect(cause.title).toBe(english.title);
      expect(cause.explanation).toBe(english.explanation);
      expect(cause.text).toEqual(want);
      const human = runCli(['explain', LINE], env(lang));
      expect(human.code).toBe(1);
      expect(human.stdout.split('\n')[0]).toContain(`${CAUSE}: ${want.title}`);
    });
  }

  it('LANG=C: --json has no text and the terminal shows the English title', () => {
    expect(expectedText('C')).toBeUndefined();
    const [cause] = runCli(['explain', '--json', LINE], env('C')).json().causes;
    expect(cause).not.toHaveProperty('text');
    expect(cause.title).toBe(english.title);
    expect(runCli(['explain', LINE], env('C')).stdout.split('\n')[0]).toContain(`${CAUSE}: ${english.title} (once)`);
  });
});
