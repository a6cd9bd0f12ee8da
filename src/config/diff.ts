// A unified diff of two configs as they would be written, with secrets redacted unless asked.
import type { JsonObject } from './load.js';
import { redactText, redactValue } from './redact.js';
import { serializeConfig } from './write.js';
import { lazyRequire } from '../lazy-require.js';

// Loaded from node_modules on first use: only a repair's preview needs it.
const diff = lazyRequire<typeof import('diff')>('diff');

export interface ConfigDiff {
  /** The unified diff text; empty when nothing visible changed. */
  text: string;
  changed: boolean;
  /** True when only secret values changed, so the redacted diff shows nothing. */
  secretOnly: boolean;
}

export function diffConfigs(file: string, before: JsonObject | undefined, after: JsonObject, showSecrets = false): ConfigDiff {
  const show = (v: JsonObject | undefined) => (v === undefined ? '' : serializeConfig(showSecrets ? v : redactValue(v)));
  const changed = (before === undefined ? '' : serializeConfig(before)) !== serializeConfig(after);
  const a = show(before);
  const b = show(after);
  const text = a === b ? '' : diff().createTwoFilesPatch(file, file, a, b, 'current', 'proposed', { context: 3 });
  return { text, changed, secretOnly: changed && a === b };
}

/**
 * A unified diff of a file that does not parse (its text as it is) against what would replace it,
 * with the given secrets and anything shaped like one redacted unless asked.
 */
export function diffTexts(file: string, before: string, after: string, secrets: Iterable<string>, showSecrets = false): ConfigDiff {
  const list = [...secrets];
  const show = (t: string) => (showSecrets ? t : redactText(t, list));
  const a = show(before);
  const b = show(after);
  const changed = before !== after;
  const text = a === b ? '' : diff().createTwoFilesPatch(file, file, a, b, 'current', 'proposed', { context: 3 });
  return { text, changed, secretOnly: changed && a === b };
}
