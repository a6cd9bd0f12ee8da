// `openclaw browser status|start|stop|profiles [--browser-profile NAME] [--json]`: manage the
// browser the agent's browser tool drives. `start` launches a real Chromium (headless, CDP on a port
// from the OS) that outlives this command; `stop` kills it. Needs no running gateway.
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { printJson, println } from '../output.js';
import { subsystemAction, subsystemContextFor } from '../subsystem-support.js';
import { t } from '../../i18n/index.js';

type Opts = { browserProfile?: string; json?: boolean };

async function run<T>(fn: () => Promise<T> | T): Promise<T> {
  const { BrowserError } = await import('../../subsystems/browser/config.js');
  try {
    return await fn();
  } catch (err) {
    if (err instanceof BrowserError) {
      if (err.code === 'plugin-excluded') throw new CliError(err.message, EXIT.USAGE, 'The bundled browser plugin is excluded: add "browser" to plugins.allow (`openclaw config get plugins.allow`).');
      throw new CliError(err.message, err.configError ? EXIT.CONFIG : EXIT.FAILED);
    }
    throw err;
  }
}

function withProfile(cmd: Command): Command {
  return cmd.option('--browser-profile <name>', 'profile (default: browser.defaultProfile or "openclaw")').option('--json', 'machine-readable output');
}

export function register(program: Command): void {
  const browser = program.command('browser').description(t('cli.command.browser.summary'));

  withProfile(browser.command('status').description("a profile's browser: running, CDP reachable, tabs"))
    .action(
      subsystemAction(async (opts: Opts, cmd: Command) => {
        const { profileStatus } = await import('../../subsystems/browser/service.js');
        const s = await run(() => profileStatus(subsystemContextFor(cmd), opts.browserProfile));
        if (opts.json) printJson(s);
        else {
          println(`${s.profile} (${s.kind}): ${s.running ? 'running' : 'not running'}${s.cdpUrl ? `, CDP ${s.cdpUrl}` : ''}${s.pid ? `, pid ${s.pid}` : ''}`);
          if (s.browser) println(`  ${s.browser}${s.tabs !== undefined ? `, ${s.tabs} tab(s)` : ''}`);
          if (s.error) println(`  ${s.error.message}`);
        }
        return s.error ? EXIT.FAILED : EXIT.OK;
      }),
    );

  withProfile(browser.command('start').description('launch the profile\'s Chromium (or check the browser it attaches to)'))
    .action(
      subsystemAction(async (opts: Opts, cmd: Command) => {
        const { startProfile } = await import('../../subsystems/browser/service.js');
        const s = await run(() => startProfile(subsystemContextFor(cmd), opts.browserProfile));
        if (opts.json) return printJson({ ok: true, ...s });
        println(`${s.profile}: running${s.pid ? ` (pid ${s.pid})` : ''}, CDP ${s.cdpUrl}${s.browser ? `, ${s.browser}` : ''}`);
      }),
    );

  withProfile(browser.command('stop').description('stop the Chromium this toolkit launched for the profile'))
    .action(
      subsystemAction(async (opts: Opts, cmd: Command) => {
        const { stopProfile } = await import('../../subsystems/browser/service.js');
        const r = await run(() => stopProfile(subsystemContextFor(cmd), opts.browserProfile));
        if (opts.json) return printJson({ ok: true, ...r });
        println(r.stopped ? `${r.profile}: stopped (pid ${r.pid})` : `${r.profile}: ${r.note}`);
      }),
    );

  browser
    .command('profiles')
    .description('list browser profiles and what was launched for them')
    .option('--json', 'machine-readable output')
    .action(
      subsystemAction(async (opts: Opts, cmd: Command) => {
        const { listProfiles } = await import('../../subsystems/browser/service.js');
        const list = await run(() => listProfiles(subsystemContextFor(cmd)));
        if (opts.json) return printJson({ profiles: list });
        for (const p of list) {
          println(`${p.default ? '*' : ' '} ${p.name}  ${p.kind}${p.cdpUrl ? `  ${p.cdpUrl}` : p.cdpPort ? `  port ${p.cdpPort}` : ''}${p.launched ? `  launched pid ${p.launched.pid} port ${p.launched.port}${p.launched.alive ? '' : ' (gone)'}` : ''}`);
        }
      }),
    );
}
