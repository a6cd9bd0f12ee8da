// Every user-facing text, by id, from the message catalog in locales/<locale>.json (ICU
// MessageFormat: named parameters, plural and select). English is compiled to functions at build
// time (scripts/compile-messages.mjs → en.generated.ts) and costs a start nothing; another locale
// is read and compiled only when it is the active one, one message at a time as it is used.
import fs from 'node:fs';
import path from 'node:path';
import { lazyRequire } from '../lazy-require.js';
import { packageRoot } from '../package-root.js';
import english from './en.generated.js';
import type { Locale } from './locale.js';

export { LOCALES, parseLocale, resolveLocale, UnknownLocaleError, type Locale } from './locale.js';

/** A message's parameters: what it names, never pre-formatted English. */
export type Params = Record<string, string | number | boolean | null | undefined>;
type Compiled = (params: Params) => string;

const EN = english as unknown as Record<string, Compiled>;

const MessageFormat = lazyRequire<typeof import('@messageformat/core').default>('@messageformat/core');

interface Catalog {
  locale: Locale;
  source: Record<string, string>;
  compiled: Map<string, Compiled>;
}

let active: Catalog | undefined;

/** The catalog file of a locale (English's is the source of en.generated.ts). */
export function catalogPath(locale: Locale): string {
  return path.join(packageRoot(), 'locales', `${locale}.json`);
}

/** The messages of a locale as written (ICU MessageFormat source), for tests and tools. */
export function readCatalog(locale: Locale): Record<string, string> {
  return JSON.parse(fs.readFileSync(catalogPath(locale), 'utf8')) as Record<string, string>;
}

/**
 * Makes `locale` the language t() speaks, with its catalog file (or `messages`, for tests). English
 * needs nothing loaded; a locale without a catalog file yet speaks English.
 */
export function setLocale(locale: Locale, messages?: Record<string, string>): void {
  if (locale === 'en') {
    active = undefined;
    return;
  }
  let source = messages;
  if (!source) {
    try {
      source = readCatalog(locale);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  active = { locale, source: source ?? {}, compiled: new Map() };
}

export function activeLocale(): Locale {
  return active?.locale ?? 'en';
}

export function hasMessage(id: string): boolean {
  return Object.hasOwn(EN, id);
}

/** The English text: what `message` in --json, SARIF and JUnit always is. */
export function en(id: string, params: Params = {}): string {
  const format = EN[id];
  // A missing id shows itself rather than failing a report (the catalog test catches it first).
  return format ? format(params) : id;
}

/** The text in the active locale; English where the locale lacks the message. */
export function t(id: string, params: Params = {}): string {
  if (!active) return en(id, params);
  let format = active.compiled.get(id);
  if (!format) {
    const source = Object.hasOwn(active.source, id) ? active.source[id] : undefined;
    if (source === undefined) return en(id, params);
    const Format = MessageFormat();
    format = new Format(active.locale).compile(source) as Compiled;
    active.compiled.set(id, format);
  }
  return format(params);
}
