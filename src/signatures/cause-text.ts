// A cause's title and explanation in the active locale. The English is written once, in
// signatures/causes.yaml, and so arrives with the catalog a scan loads anyway (an English start parses
// nothing more); a translation is the catalog message `cause.<id>.title` / `cause.<id>.explanation`
// (locales/<locale>/causes.json), compiled like every other message.
import { activeLocale, t, type MessageRef } from '../i18n/index.js';

export type CauseField = 'title' | 'explanation';

export function causeMessageId(cause: string, field: CauseField): string {
  return `cause.${cause}.${field}`;
}

/** The text as a message parameter: shown in the language of the message it is part of. */
export function causeRef(cause: string, field: CauseField, english: string): MessageRef {
  return { id: causeMessageId(cause, field), english };
}

/** The translated title and explanation, for the `text` of --json; none in English (that is the cause's own). */
export function translatedCause(cause: string, english: Record<CauseField, string>): Record<CauseField, string> | undefined {
  if (activeLocale() === 'en') return undefined;
  return {
    title: t(causeMessageId(cause, 'title'), {}, english.title),
    explanation: t(causeMessageId(cause, 'explanation'), {}, english.explanation.trim()),
  };
}
