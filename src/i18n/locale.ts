// Which language to speak. The CLI passes what the user asked for (`--lang`) and the environment;
// this module reads neither argv nor process.env itself.

export const LOCALES = ['en', 'ko', 'zh-CN', 'zh-TW'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * A language tag or a POSIX locale name (`ko_KR.UTF-8`, `zh_HK`, `zh-Hant`, `C`) as one of ours, or
 * undefined when we do not speak it. Chinese is Traditional for Taiwan, Hong Kong, Macau and
 * `Hant`, Simplified otherwise.
 */
export function parseLocale(tag: string): Locale | undefined {
  // `ko_KR.UTF-8@euro` → `ko-kr`: the codeset and modifier say nothing about the language.
  const name = tag.trim().replace(/[.@].*$/, '').replace(/_/g, '-').toLowerCase();
  if (name === 'c' || name === 'posix') return 'en';
  const [lang, ...rest] = name.split('-');
  if (lang === 'en') return 'en';
  if (lang === 'ko') return 'ko';
  if (lang === 'zh') return rest.some((part) => ['hant', 'tw', 'hk', 'mo'].includes(part)) ? 'zh-TW' : 'zh-CN';
  return undefined;
}

export class UnknownLocaleError extends Error {
  constructor(readonly tag: string) {
    super(`unknown language "${tag}" (known: ${LOCALES.join(', ')})`);
  }
}

/**
 * `--lang`, then OPENCLAW_LANG, then the POSIX chain (the first set of LC_ALL, LC_MESSAGES, LANG
 * decides, as for any program); English by default. A `--lang` we do not speak is an error (the
 * user typed it just now); an environment naming one falls back to English, as any program does.
 */
export function resolveLocale(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Locale {
  if (flag) {
    const locale = parseLocale(flag);
    if (!locale) throw new UnknownLocaleError(flag);
    return locale;
  }
  const asked = env.OPENCLAW_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return (asked && parseLocale(asked)) || 'en';
}
