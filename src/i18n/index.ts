// Every user-facing text, by id, from the message catalog in locales/<locale>/*.json (ICU
// MessageFormat: named parameters, plural and select). Compiled to functions at build time
// (scripts/compile-messages.mjs): English into the bundle (en.generated.ts), costing a start
// nothing; another locale to dist/locales/<locale>.cjs, required only when it is the active one.
// Run from the sources (tests), a locale's messages are compiled here instead, each when first used.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyRequire } from '../lazy-require.js';
import { packageRoot } from '../package-root.js';
import english from './en.generated.js';
import type { Locale } from './locale.js';

export { LOCALES, parseLocale, resolveLocale, UnknownLocaleError, type Locale } from './locale.js';

/** Another message as a parameter: shown in the same language as the message it is part of. */
export interface MessageRef {
  id: string;
  params?: Params;
  /** The English when it is kept outside locales/en: a cause's text, written once in signatures/causes.yaml. */
  english?: string;
}
/** A message's parameters: what it names, never pre-formatted English. */
export type Params = { [name: string]: string | number | boolean | null | undefined | MessageRef };
type Compiled = (params: Params) => string;

/** Params with each message reference replaced by its text from `format` (the same locale). */
function resolved(params: Params, format: (id: string, params?: Params, english?: string) => string): Params {
  let out: Params | undefined;
  for (const [name, value] of Object.entries(params)) {
    if (value && typeof value === 'object') (out ??= { ...params })[name] = format(value.id, value.params, value.english);
  }
  return out ?? params;
}

/**
 * A list as one message: `id` takes `first` and `rest` ("{first}; {rest}"), nested so the list may
 * be any length and each part still speaks the reader's language. One part is itself; none, undefined.
 */
export function listRef(id: string, parts: readonly (MessageRef | string)[]): MessageRef | string | undefined {
  return parts.reduceRight<MessageRef | string | undefined>((rest, first) => (rest === undefined ? first : { id, params: { first, rest } }), undefined);
}

const EN = english as unknown as Record<string, Compiled>;

const MessageFormat = lazyRequire<typeof import('@messageformat/core').default>('@messageformat/core');

interface Catalog {
  locale: Locale;
  /** The build's compiled messages (a built CLI), or the sources to compile on first use. */
  built?: Record<string, Compiled>;
  source: Record<string, string>;
  compiled: Map<string, Compiled>;
}

/** The build's module for a locale, when this code runs from the build (dist/) and it has one. */
function builtCatalog(locale: Locale): Record<string, Compiled> | undefined {
  const here = fileURLToPath(import.meta.url);
  if (!here.split(path.sep).includes('dist')) return undefined; // the sources: the catalog files are the truth
  const file = path.join(packageRoot(), 'dist', 'locales', `${locale}.cjs`);
  if (!fs.existsSync(file)) return undefined;
  const mod = createRequire(here)(file) as { default?: Record<string, Compiled> };
  return mod.default ?? (mod as Record<string, Compiled>);
}

let active: Catalog | undefined;

/** The catalog folder of a locale: one JSON file per part of the program (English's are the source of en.generated.ts). */
export function catalogPath(locale: string, root = packageRoot()): string {
  return path.join(root, 'locales', locale);
}

/**
 * The messages of a locale as written (ICU MessageFormat source), its files merged; an id in two
 * files is an error. None when the locale has no folder.
 */
export function readCatalog(locale: string, root = packageRoot()): Record<string, string> {
  const dir = catalogPath(locale, root);
  const messages: Record<string, string> = {};
  if (!fs.existsSync(dir)) return messages;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    for (const [id, text] of Object.entries(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, string>)) {
      if (Object.hasOwn(messages, id)) throw new Error(`locales/${locale}/${file}: ${id} is defined twice`);
      messages[id] = text;
    }
  }
  return messages;
}

/**
 * Makes `locale` the language t() speaks, with its catalog (or `messages`, for tests). English
 * needs nothing loaded; a locale without a catalog yet speaks English.
 */
export function setLocale(locale: Locale, messages?: Record<string, string>): void {
  if (locale === 'en') {
    active = undefined;
    return;
  }
  const built = messages ? undefined : builtCatalog(locale);
  active = { locale, built, source: built ? {} : (messages ?? readCatalog(locale)), compiled: new Map() };
}

export function activeLocale(): Locale {
  return active?.locale ?? 'en';
}

export function hasMessage(id: string): boolean {
  return Object.hasOwn(EN, id);
}

/**
 * The English text: what `message` in --json, SARIF and JUnit always is. `english` is the text of
 * an id whose English is kept outside locales/en (plain text, used as it is).
 */
export function en(id: string, params: Params = {}, english?: string): string {
  const format = EN[id];
  // A missing id shows itself rather than failing a report (the catalog test catches it first).
  return format ? format(resolved(params, en)) : (english ?? id);
}

/** A message reference in the active locale (a lower layer's reason, a result's text). */
export function words(ref: MessageRef): string {
  return t(ref.id, ref.params, ref.english);
}

/** What a lower layer says: its English (logs, --json) and the same as a catalog message, for the reader. */
export function said(id: string, params: Params = {}): { message: string; text: MessageRef } {
  return { message: en(id, params), text: { id, params } };
}

/** The text in the active locale; English where the locale lacks the message. */
export function t(id: string, params: Params = {}, english?: string): string {
  if (!active) return en(id, params, english);
  let format = active.built ? (Object.hasOwn(active.built, id) ? active.built[id] : undefined) : active.compiled.get(id);
  if (active.built && !format) return en(id, params, english);
  if (!format) {
    const source = Object.hasOwn(active.source, id) ? active.source[id] : undefined;
    if (source === undefined) return en(id, params, english);
    const Format = MessageFormat();
    format = new Format(active.locale).compile(source) as Compiled;
    active.compiled.set(id, format);
  }
  return format(resolved(params, t));
}
