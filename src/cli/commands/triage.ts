// `openclaw triage`: the interactive wizard from symptom to verified fix. It needs a person at a
// terminal; anywhere else it says so and points at the machine-readable doctor.
import type { Command } from 'commander';
import { contextFor } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { interactiveTerminal } from '../interactive.js';
import { action } from '../run-action.js';
import { t } from '../../i18n/index.js';

export const NOT_A_TTY_HINT = 'Run `openclaw doctor` for a report, or `openclaw doctor --json` for one a program can read.';

export function register(program: Command): void {
  program
    .command('triage')
    .description(t('cli.command.triage.summary'))
    .action(action((_flags: unknown, cmd: Command) => triageAction(cmd)));
}

/** Starts the wizard. */
export async function startWizard(cmd: Command): Promise<number> {
  const ctx = contextFor(cmd);
  const { runWizard } = await import('../../tui/index.js');
  // The engine probes with the real gateway client by default, as the doctor does.
  return runWizard({ paths: ctx.paths, env: ctx.env, color: ctx.global.color === false ? false : undefined });
}

async function triageAction(cmd: Command): Promise<number> {
  if (!interactiveTerminal()) {
    const why = process.env.CI && interactiveTerminal({}) ? 'CI is set' : 'this is not an interactive terminal';
    throw new CliError(`the triage wizard needs an interactive terminal (${why})`, EXIT.USAGE, NOT_A_TTY_HINT);
  }
  return startWizard(cmd);
}
