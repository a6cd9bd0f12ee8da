// `openclaw triage`: the interactive wizard from symptom to verified fix. It needs a person at a
// terminal; anywhere else it says so and points at the machine-readable doctor.
import type { Command } from 'commander';
import { contextFor } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { interactiveTerminal } from '../interactive.js';
import { action } from '../run-action.js';
import { t } from '../../i18n/index.js';

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
    const why = process.env.CI && interactiveTerminal({}) ? 'ci' : 'not-tty';
    throw new CliError(t('cli.triage.needs-tty', { why }), EXIT.USAGE, t('cli.triage.needs-tty.hint'));
  }
  return startWizard(cmd);
}
