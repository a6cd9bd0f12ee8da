// One way to read, change and write the config for every command: load, mutate a copy, validate,
// show the diff (dry run) or write it atomically with a backup, all under the config's write lock.
import path from 'node:path';
import { diffConfigs, type ConfigDiff } from './diff.js';
import { readConfigFile, type JsonObject, type LoadedConfig } from './load.js';
import { stateLayout, type ResolvedPaths } from './paths.js';
import { writeConfig, type WriteResult } from './write.js';
import { withConfigWriteLock } from './write-lock.js';

export interface EditOptions {
  dryRun?: boolean;
  showSecrets?: boolean;
  reason?: string;
  /** Create the file when it does not exist (config set on a fresh machine). */
  allowCreate?: boolean;
}

export interface EditResult {
  configPath: string;
  before?: JsonObject;
  after: JsonObject;
  diff: ConfigDiff;
  dryRun: boolean;
  write?: WriteResult;
  /** The file had comments, which the rewrite dropped (the backup keeps them). */
  droppedComments: boolean;
}

export class ConfigMissingError extends Error {
  constructor(readonly configPath: string) {
    super(`no config file at ${configPath}`);
  }
}

export function loadConfig(paths: ResolvedPaths): LoadedConfig | undefined {
  const r = readConfigFile(paths.configPath.value);
  return r.exists ? r : undefined;
}

export function editConfig(paths: ResolvedPaths, mutate: (raw: JsonObject) => JsonObject, opts: EditOptions = {}): EditResult {
  // A dry run only reads; a real edit reads under the write lock so no concurrent update is lost.
  return opts.dryRun ? editUnlocked(paths, mutate, opts) : withConfigWriteLock(paths.configPath.value, () => editUnlocked(paths, mutate, opts));
}

function editUnlocked(paths: ResolvedPaths, mutate: (raw: JsonObject) => JsonObject, opts: EditOptions): EditResult {
  const file = paths.configPath.value;
  const current = loadConfig(paths);
  if (!current && !opts.allowCreate) throw new ConfigMissingError(file);
  const before = current?.raw;
  const after = mutate(structuredClone(before ?? {}));
  const diff = diffConfigs(file, before, after, opts.showSecrets);
  const result: EditResult = { configPath: file, before, after, diff, dryRun: Boolean(opts.dryRun), droppedComments: false };
  if (opts.dryRun || !diff.changed) return result;
  result.write = writeConfig(file, after, {
    previous: before,
    auditFile: stateLayout(paths.stateDir.value).configAudit,
    reason: opts.reason,
  });
  result.droppedComments = Boolean(current?.hasComments);
  return result;
}

export function relativeToHome(file: string, home: string): string {
  const rel = path.relative(home, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? `~/${rel}` : file;
}
