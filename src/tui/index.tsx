// Starts the wizard. Loaded only by `openclaw triage` and a bare `openclaw doctor` on a TTY:
// this is the one place Ink and React enter the process.
import React from 'react';
import { render } from 'ink';
import { chalk } from '../color.js';
import type { ResolvedPaths } from '../config/paths.js';
import type { Prober } from '../facts/context.js';
import { App, Interrupted } from './App.js';
import { engineFor } from './engine.js';

export interface WizardOptions {
  paths: ResolvedPaths;
  env: NodeJS.ProcessEnv;
  probe?: Prober;
  timeoutMs?: number;
  color?: boolean;
}

export async function runWizard(opts: WizardOptions): Promise<number> {
  const color = opts.color ?? !(opts.env.NO_COLOR !== undefined && opts.env.NO_COLOR !== '');
  // Ink colours through chalk, which does not read NO_COLOR itself.
  if (!color) chalk.level = 0;
  const engine = engineFor({ paths: opts.paths, env: opts.env, timeoutMs: opts.timeoutMs ?? 1500, probe: opts.probe });
  // Ink puts stdin in raw mode and restores it when the app unmounts; the app unmounts on Ctrl-C too.
  const app = render(<App engine={engine} color={color} reportDirs={[process.cwd(), opts.paths.stateDir.value]} />, { exitOnCtrlC: false });
  try {
    await app.waitUntilExit();
    return 0;
  } catch (err) {
    if (err instanceof Interrupted) return 130;
    throw err;
  }
}
