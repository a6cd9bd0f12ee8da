// First-run set-up: the state dir (0700) and a config the gateway starts with (local mode, loopback,
// a generated token, 0600). It never overwrites: an exclusive atomic write links the finished file
// into place (link(2) fails when the name exists), so two set-ups at once cannot both "create" it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ResolvedPaths } from './paths.js';
import { ensureStateDir, serializeConfig, writeFileAtomic } from './write.js';

export interface SetupResult {
  stateDir: string;
  configPath: string;
  token: string;
  config: { gateway: { mode: 'local'; bind: 'loopback'; auth: { mode: 'token'; token: string } } };
}

export class ConfigExistsError extends Error {
  constructor(readonly configPath: string) {
    super(`a config already exists at ${configPath}; setup never overwrites one`); // cli.setup.exists, for the CLI
    this.name = 'ConfigExistsError';
  }
}

/** What a first run writes under `gateway`: local mode, loopback, token auth with this token. */
export function setupGateway(token: string): SetupResult['config']['gateway'] {
  return { mode: 'local', bind: 'loopback', auth: { mode: 'token', token } };
}

export function setupConfig(paths: ResolvedPaths): SetupResult {
  const configPath = paths.configPath.value;
  const stateDir = paths.stateDir.value;
  if (fs.existsSync(configPath) || isSymlink(configPath)) throw new ConfigExistsError(configPath);
  const token = crypto.randomBytes(24).toString('hex');
  const config = { gateway: setupGateway(token) };
  ensureStateDir(stateDir);
  ensureStateDir(path.dirname(configPath));
  try {
    // Written complete under a temp name, then linked into place only if the name is still free.
    writeFileAtomic(configPath, serializeConfig(config), 0o600, { exclusive: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new ConfigExistsError(configPath);
    throw err;
  }
  return { stateDir, configPath, token, config };
}

function isSymlink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
