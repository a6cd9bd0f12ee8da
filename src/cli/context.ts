// What every command needs from the global flags: resolved paths, output preferences.
import type { Command } from 'commander';
import { ProfileNameError, resolvePaths, type ResolvedPaths } from '../config/paths.js';
import { t } from '../i18n/index.js';
import { CliError, EXIT } from './exit-codes.js';

export interface GlobalOptions {
  profile?: string;
  dev?: boolean;
  color?: boolean;
  showSecrets?: boolean;
  lang?: string;
}

export interface CliContext {
  global: GlobalOptions;
  paths: ResolvedPaths;
  env: NodeJS.ProcessEnv;
}

export function contextFor(cmd: Command): CliContext {
  const global = cmd.optsWithGlobals() as GlobalOptions;
  if (global.profile && global.dev) throw new CliError(t('cli.context.profile-and-dev'), EXIT.USAGE);
  try {
    return { global, paths: resolvePaths({ profile: global.profile, dev: global.dev }), env: process.env };
  } catch (err) {
    if (err instanceof ProfileNameError) throw new CliError(err.message, EXIT.USAGE);
    throw err;
  }
}
