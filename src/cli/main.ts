#!/usr/bin/env node
// The `openclaw` command. This file only wires commands; each group lives in commands/<group>.ts
// and loads its heavy modules inside its actions, so `--help` and `doctor --json` start fast.
import { Command, CommanderError } from 'commander';
import { configureColor } from './color.js';
import { EXIT } from './exit-codes.js';
import { register as registerConfig } from './commands/config.js';
import { register as registerDoctor } from './commands/doctor.js';
import { register as registerDevices } from './commands/devices.js';
import { register as registerGateway } from './commands/gateway.js';
import { register as registerHealth } from './commands/health.js';
import { register as registerLogs } from './commands/logs.js';
import { register as registerPairing } from './commands/pairing.js';
import { register as registerStatus } from './commands/status.js';
import { registerServiceCommands } from './commands/gateway-service.js';
import { register as registerExplain } from './commands/explain.js';
import { registerLogsScan } from './commands/logs-scan.js';
import { register as registerCron } from './commands/cron.js';
import { register as registerSystem } from './commands/system.js';
import { register as registerChannels } from './commands/channels.js';
import { register as registerNodes } from './commands/nodes.js';
import { register as registerApprovals } from './commands/approvals.js';
import { register as registerBrowser } from './commands/browser.js';
import { register as registerModels } from './commands/models.js';
import { register as registerTriage } from './commands/triage.js';
import { VERSION } from './version.js';

export function buildProgram(): Command {
  const program = new Command('openclaw');
  program
    .description('Troubleshooting toolkit for the OpenClaw gateway: doctor, log signatures, and an embedded gateway.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--profile <name>', 'use the state dir ~/.openclaw-<name>')
    .option('--dev', 'use the dev profile (~/.openclaw-dev, port 19001)')
    .option('--no-color', 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--show-secrets', 'print tokens and passwords instead of ***')
    .showHelpAfterError('(run with --help for usage)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .hook('preAction', (_this, actionCommand) => {
      configureColor(actionCommand.optsWithGlobals());
    });
  program.addHelpText(
    'after',
    `
Exit codes: 0 success · 1 check or operation failed · 2 usage error · 78 configuration error that blocks a start`,
  );

  registerConfig(program);
  registerDoctor(program);
  const gateway = registerGateway(program);
  registerHealth(program);
  registerStatus(program);
  const logs = registerLogs(program);
  registerDevices(program);
  registerPairing(program);
  registerServiceCommands(gateway);
  registerLogsScan(logs);
  registerExplain(program);
  registerCron(program);
  registerSystem(program);
  registerChannels(program);
  registerNodes(program);
  registerApprovals(program);
  registerBrowser(program);
  registerModels(program);
  registerTriage(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.OK;
      // Commander has already printed the message; usage errors all map to 2.
      return EXIT.USAGE;
    }
    throw err;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : EXIT.OK;
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`error: ${(err as Error)?.message ?? String(err)}\n`);
    process.exitCode = EXIT.FAILED;
  },
);
