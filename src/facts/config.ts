// The config snapshot: where the file is and why, what it says (raw and ${ENV}-resolved), every
// validation issue, the effective gateway settings with the source of each, and the saved copies
// (last-known-good, backups) a repair can restore from.
import fs from 'node:fs';
import { ConfigError, type ConfigErrorInfo } from '../config/errors.js';
import { defaultBindMode, resolveBind, resolvePort, resolveServerAuth, SettingError } from '../config/gateway-settings.js';
import { parseConfigText, readConfigFile, readRegularFile, substituteEnv, type JsonObject, type MissingEnvRef } from '../config/load.js';
import { describeSource, type ResolvedPaths } from '../config/paths.js';
import { inContainer } from '../system/container.js';
import { redactValue } from '../config/redact.js';
import { validateConfig, type ValidationIssue } from '../config/schema.js';
import { backupPaths, lastKnownGoodPath } from '../config/write.js';

export interface SavedCopy {
  path: string;
  size: number;
  /** The parsed copy, when it parses. */
  raw?: JsonObject;
  parseError?: string;
}

export interface Setting {
  value: unknown;
  /** `config gateway.port`, `env OPENCLAW_GATEWAY_PORT`, `default`. */
  source: string;
}

export interface ConfigFact {
  path: string;
  /** Why this file: `env OPENCLAW_CONFIG_PATH`, `flag --profile`, `default`. */
  pathSource: string;
  stateDir: string;
  exists: boolean;
  size?: number;
  hasComments?: boolean;
  /** The parsed file before `${ENV}` substitution (what a repair edits). */
  raw?: JsonObject;
  /** After substitution (what the gateway sees). */
  resolved?: JsonObject;
  /** Why the file could not be read or parsed, with line and column for parse errors. */
  error?: ConfigErrorInfo;
  /** For a file that does not parse: what it still says, best effort (secrets included, like raw). */
  salvaged?: JsonObject;
  issues: ValidationIssue[];
  missingEnv: MissingEnvRef[];
  /** Every leaf setting of the file (secrets redacted) with its source. */
  settings: Record<string, Setting>;
  /** The effective gateway settings after flags/env/config/defaults, each with its source. */
  effective: Record<string, Setting>;
  /** What the environment says about gateway auth, without the secret values. */
  env: {
    tokenSet: boolean;
    passwordSet: boolean;
    /** Whether OPENCLAW_GATEWAY_TOKEN equals gateway.auth.token (both set). */
    tokenMatchesConfig?: boolean;
    portSet: boolean;
    inContainer: boolean;
  };
  lastKnownGood?: SavedCopy;
  backups: SavedCopy[];
  /** The defaults port of the profile (19001 for --dev). */
  defaultPort: number;
}

function savedCopy(file: string): SavedCopy | undefined {
  let text: string;
  try {
    text = readRegularFile(file).buf.toString('utf8'); // a FIFO or device in a backup's place is no copy
  } catch {
    return undefined;
  }
  try {
    return { path: file, size: Buffer.byteLength(text), raw: parseConfigText(file, text) };
  } catch (err) {
    return { path: file, size: Buffer.byteLength(text), parseError: (err as Error).message };
  }
}

function leaves(value: unknown, at: string, out: Record<string, Setting>): void {
  if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) leaves(v, at ? `${at}.${k}` : k, out);
  } else if (at) out[at] = { value, source: `config ${at}` };
}

function effectiveSettings(resolved: JsonObject | undefined, env: NodeJS.ProcessEnv, defaultPort: number): Record<string, Setting> {
  const out: Record<string, Setting> = {};
  const put = (name: string, get: () => { value: unknown; source: string; from?: string }) => {
    try {
      const s = get();
      out[name] = { value: s.value, source: describeSource(s as never) };
    } catch (err) {
      if (!(err instanceof SettingError)) throw err;
      out[name] = { value: undefined, source: `invalid: ${err.message}` };
    }
  };
  put('port', () => resolvePort(resolved, {}, env, defaultPort));
  put('bind', () => resolveBind(resolved, {}, defaultBindMode(resolved, env)));
  const auth = resolveServerAuth(resolved, {}, env);
  out['auth.mode'] = { value: auth.mode.value, source: describeSource(auth.mode) };
  if (auth.token) out['auth.token'] = { value: '***', source: describeSource(auth.token) };
  if (auth.password) out['auth.password'] = { value: '***', source: describeSource(auth.password) };
  return out;
}

/** Builds the fact from text already in memory (the fuzz test and fixtures use this directly). */
export function configFactFromText(file: string, text: string | undefined, env: NodeJS.ProcessEnv, base: Partial<ConfigFact> = {}): ConfigFact {
  const fact: ConfigFact = {
    path: file,
    pathSource: 'default',
    stateDir: '',
    exists: text !== undefined,
    issues: [],
    missingEnv: [],
    settings: {},
    effective: {},
    env: envView(env, undefined),
    backups: [],
    defaultPort: 18789,
    ...base,
  };
  if (text === undefined) {
    fact.effective = effectiveSettings(undefined, env, fact.defaultPort);
    return fact;
  }
  fact.size = Buffer.byteLength(text);
  try {
    fact.raw = parseConfigText(file, text);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    fact.error = err.toJSON();
    fact.salvaged = err.salvaged as JsonObject | undefined;
    return fact;
  }
  fillParsed(fact, fact.raw, env);
  return fact;
}

function fillParsed(fact: ConfigFact, raw: JsonObject, env: NodeJS.ProcessEnv): void {
  const missing: MissingEnvRef[] = [];
  fact.resolved = substituteEnv(raw, env, missing) as JsonObject;
  fact.missingEnv = missing;
  fact.issues = validateConfig(fact.resolved, { reasons: true });
  leaves(redactValue(raw), '', fact.settings);
  fact.effective = effectiveSettings(fact.resolved, env, fact.defaultPort);
  fact.env = envView(env, fact.resolved);
}

function envView(env: NodeJS.ProcessEnv, resolved: JsonObject | undefined): ConfigFact['env'] {
  const cfgToken = (resolved?.gateway as any)?.auth?.token;
  const envToken = env.OPENCLAW_GATEWAY_TOKEN;
  return {
    tokenSet: Boolean(envToken),
    passwordSet: Boolean(env.OPENCLAW_GATEWAY_PASSWORD),
    tokenMatchesConfig: envToken && typeof cfgToken === 'string' && cfgToken ? envToken === cfgToken : undefined,
    portSet: Boolean(env.OPENCLAW_GATEWAY_PORT),
    inContainer: inContainer(env),
  };
}

export function collectConfig(paths: ResolvedPaths, env: NodeJS.ProcessEnv): ConfigFact {
  const file = paths.configPath.value;
  const base: Partial<ConfigFact> = {
    pathSource: describeSource(paths.configPath),
    stateDir: paths.stateDir.value,
    defaultPort: paths.defaultPort,
    lastKnownGood: savedCopy(lastKnownGoodPath(file)),
    backups: backupPaths(file).map(savedCopy).filter((c): c is SavedCopy => c !== undefined),
  };
  let read;
  try {
    read = readConfigFile(file);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const fact = configFactFromText(file, undefined, env, base);
    fact.exists = err.code !== 'io' || fs.existsSync(file);
    fact.error = err.toJSON();
    fact.salvaged = err.salvaged as JsonObject | undefined;
    return fact;
  }
  if (!read.exists) return configFactFromText(file, undefined, env, base);
  const fact = configFactFromText(file, undefined, env, base);
  Object.assign(fact, { exists: true, size: read.size, hasComments: read.hasComments, raw: read.raw });
  fillParsed(fact, read.raw, env);
  return fact;
}
