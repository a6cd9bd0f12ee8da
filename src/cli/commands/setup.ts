// `openclaw setup`: first run. Creates the state dir and a config the gateway starts with; the
// gateway's own "Missing config" message sends users here.
import type { Command } from 'commander';
import { contextFor } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { printJson, println } from '../output.js';
import { action } from '../run-action.js';
import { t } from '../../i18n/index.js';

export function register(program: Command): Command {
  return program
    .command('setup')
    .description(t('cli.command.setup.summary'))
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  openclaw setup\n  openclaw --profile work setup --json')
    .action(
      action(async (flags: { json?: boolean }, cmd: Command) => {
        const ctx = contextFor(cmd);
        const { setupConfig, ConfigExistsError } = await import('../../config/setup.js');
        const { REDACTED } = await import('../../config/redact.js');
        let result;
        try {
          result = setupConfig(ctx.paths);
        } catch (err) {
          if (err instanceof ConfigExistsError) {
            throw new CliError(err.message, EXIT.FAILED, 'Check it with `openclaw doctor`; change it with `openclaw config set`.');
          }
          throw err;
        }
        const token = ctx.global.showSecrets ? result.token : REDACTED;
        if (flags.json) {
          printJson({ ok: true, created: true, stateDir: result.stateDir, configPath: result.configPath, gateway: { ...result.config.gateway, auth: { mode: 'token', token } } });
          return EXIT.OK;
        }
        println(`Created ${result.configPath} (mode 0600) in ${result.stateDir} (mode 0700):`);
        println('  gateway.mode local · gateway.bind loopback · gateway.auth.mode token (a generated token)');
        println(`  token: ${token}${ctx.global.showSecrets ? '' : ' (see it with `openclaw config get gateway.auth.token --show-secrets`)'}`);
        println('Next: start the gateway with `openclaw gateway`, then check it with `openclaw doctor`.');
        return EXIT.OK;
      }),
    );
}
