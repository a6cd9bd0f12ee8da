// A signature's optional one-line detail, with its `{group}` placeholders filled from the line's
// evidence. The cause's title, explanation and fix are the text; the detail only narrows it.
import type { MessageRef } from '../i18n/index.js';

/** `{port}` → the captured port; a group the line did not capture stays as written. */
export function fillDetail(detail: string, evidence: Record<string, string>): string {
  return detail.replace(/\{(\w+)\}/g, (whole, name: string) => evidence[name] ?? whole);
}

/**
 * The detail as a catalog message (`signature.<id>.detail`, locales/en/causes.json, elsewhere
 * signature-details.json), for the reader's language; its English is the filled detail.
 */
export function detailRef(signature: string, detail: string, evidence: Record<string, string>): MessageRef {
  const params: Record<string, string> = {};
  for (const [whole, name] of detail.matchAll(/\{(\w+)\}/g)) params[name!] = evidence[name!] ?? whole;
  return { id: `signature.${signature}.detail`, params, english: fillDetail(detail, evidence) };
}
