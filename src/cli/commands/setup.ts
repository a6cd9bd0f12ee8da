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
    .option('--json', t('cli.common.option.json-short'))
    // i18n-ignore: the Examples block is commands, headed like every other help page's (help-examples.ts)
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
            throw new CliError(t('cli.setup.exists', { path: err.configPath }), EXIT.FAILED, t('cli.setup.exists.hint'));
          }
          throw err;
        }
        const token = ctx.global.showSecrets ? result.token : REDACTED;
        if (flags.json) {
          printJson({ ok: true, created: true, stateDir: result.stateDir, configPath: result.configPath, gateway: { ...result.config.gateway, auth: { mode: 'token', token } } });
          return EXIT.OK;
        }
        println(t('cli.setup.created', { config: result.configPath, dir: result.stateDir }));
        println(t('cli.setup.settings'));
        println(t('cli.setup.token', { token, shown: Boolean(ctx.global.showSecrets) }));
        println(t('cli.setup.next'));
        return EXIT.OK;
      }),
    );
}
