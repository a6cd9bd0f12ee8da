// `openclaw browser status|start|stop|profiles [--browser-profile NAME] [--json]`: manage the
// browser the agent's browser tool drives. `start` launches a real Chromium (headless, CDP on a port
// from the OS) that outlives this command; `stop` kills it. Needs no running gateway.
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { printJson, println } from '../output.js';
import { subsystemContextFor } from '../subsystem-support.js';
import { action } from '../run-action.js';
import { t } from '../../i18n/index.js';

type Opts = { browserProfile?: string; json?: boolean };

async function run<T>(fn: () => Promise<T> | T): Promise<T> {
  const { BrowserError } = await import('../../subsystems/browser/config.js');
  try {
    return await fn();
  } catch (err) {
    if (err instanceof BrowserError) {
      if (err.code === 'plugin-excluded') throw new CliError(err.message, EXIT.USAGE, t('cli.browser.plugin-excluded.hint'));
      throw new CliError(err.message, err.configError ? EXIT.CONFIG : EXIT.FAILED);
    }
    throw err;
  }
}

function withProfile(cmd: Command): Command {
  return cmd.option('--browser-profile <name>', t('cli.browser.option.profile')).option('--json', t('cli.common.option.json'));
}

export function register(program: Command): void {
  const browser = program.command('browser').description(t('cli.command.browser.summary'));

  withProfile(browser.command('status').description(t('cli.browser.status.summary')))
    .action(
      action(async (opts: Opts, cmd: Command) => {
        const { profileStatus } = await import('../../subsystems/browser/service.js');
        const s = await run(() => profileStatus(subsystemContextFor(cmd), opts.browserProfile));
        if (opts.json) printJson(s);
        else {
          println(`${s.profile} (${s.kind}): ${t('cli.browser.status.running', { running: s.running })}${s.cdpUrl ? `, CDP ${s.cdpUrl}` : ''}${s.pid ? `, pid ${s.pid}` : ''}`);
          if (s.browser) println(`  ${s.browser}${s.tabs !== undefined ? t('cli.browser.status.tabs', { count: s.tabs }) : ''}`);
          if (s.error) println(`  ${s.error.message}`);
        }
        return s.error ? EXIT.FAILED : EXIT.OK;
      }),
    );

  withProfile(browser.command('start').description(t('cli.browser.start.summary')))
    .action(
      action(async (opts: Opts, cmd: Command) => {
        const { startProfile } = await import('../../subsystems/browser/service.js');
        const s = await run(() => startProfile(subsystemContextFor(cmd), opts.browserProfile));
        if (opts.json) return printJson({ ok: true, ...s });
        println(`${s.profile}: ${t('cli.browser.start.running')}${s.pid ? ` (pid ${s.pid})` : ''}, CDP ${s.cdpUrl}${s.browser ? `, ${s.browser}` : ''}`);
      }),
    );

  withProfile(browser.command('stop').description(t('cli.browser.stop.summary')))
    .action(
      action(async (opts: Opts, cmd: Command) => {
        const { stopProfile } = await import('../../subsystems/browser/service.js');
        const r = await run(() => stopProfile(subsystemContextFor(cmd), opts.browserProfile));
        if (opts.json) return printJson({ ok: true, ...r });
        println(r.stopped ? t('cli.browser.stop.stopped', { profile: r.profile, pid: r.pid }) : `${r.profile}: ${r.note}`);
      }),
    );

  browser
    .command('profiles')
    .description(t('cli.browser.profiles.summary'))
    .option('--json', t('cli.common.option.json'))
    .action(
      action(async (opts: Opts, cmd: Command) => {
        const { listProfiles } = await import('../../subsystems/browser/service.js');
        const list = await run(() => listProfiles(subsystemContextFor(cmd)));
        if (opts.json) return printJson({ profiles: list });
        for (const p of list) {
          const where = p.cdpUrl ? `  ${p.cdpUrl}` : p.cdpPort ? t('cli.browser.profiles.port', { port: p.cdpPort }) : '';
          const launched = p.launched ? t('cli.browser.profiles.launched', { pid: p.launched.pid, port: p.launched.port, alive: p.launched.alive }) : '';
          println(`${p.default ? '*' : ' '} ${p.name}  ${p.kind}${where}${launched}`);
        }
      }),
    );
}
