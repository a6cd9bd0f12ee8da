// `config.get`: the config file as written, secrets redacted, with a hash for config.patch's baseHash.
import crypto from 'node:crypto';
import { ConfigError } from '../../config/errors.js';
import { parseConfigText, readRegularFile } from '../../config/load.js';
import { redactValue } from '../../config/redact.js';
import { validateConfig } from '../../config/schema.js';
import type { MethodDef } from './types.js';

export function hashText(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** The config's text as the RPCs hash it; undefined when it cannot be read. Never blocks on a FIFO. */
export function configText(file: string): string | undefined {
  try {
    return readRegularFile(file).buf.toString('utf8');
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    return undefined;
  }
}

export function readConfigForRpc(file: string) {
  let text: string;
  try {
    const t = configText(file);
    if (t === undefined) return { path: file, exists: false, valid: false, issues: [] as unknown[] };
    text = t;
  } catch (err) {
    return { path: file, exists: true, valid: false, issues: [{ path: file, message: (err as Error).message }] };
  }
  try {
    const raw = parseConfigText(file, text);
    const issues = validateConfig(raw);
    return { path: file, exists: true, hash: hashText(text), valid: issues.length === 0, issues, config: redactValue(raw) };
  } catch (err) {
    const e = err as ConfigError;
    return { path: file, exists: true, hash: hashText(text), valid: false, issues: [{ path: e.location ?? file, message: e.message }] };
  }
}

export const configGet: MethodDef = {
  name: 'config.get',
  scope: 'operator.read',
  handle: (_params, { rt }) => readConfigForRpc(rt.settings.configPath),
};
