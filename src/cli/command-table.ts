// The top-level commands, with what `openclaw --help` shows for each. Only the command named on
// the command line is imported; the others stay light stubs (a name and a summary), so start-up
// does not pay for every command's modules. test/unit/cli-command-table.test.ts keeps the summaries
// and terms equal to what the real registrations produce.
import type { Command } from 'commander';
import { t } from '../i18n/index.js';

/** What `openclaw --help` says of a command: the description its real registration gives too. */
export function commandSummary(name: string): string {
  return t(`cli.command.${name}.summary`);
}

export interface CommandEntry {
  name: string;
  /** How the help listing names it, e.g. `doctor [options]`. */
  term: string;
  /** Imports the command's module(s) and registers the real command on the program. */
  load: () => Promise<(program: Command) => void>;
  /** Needs every command registered for real, to describe them (completion scripts). */
  describesAll?: true;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'config',
    term: 'config',
    load: async () => (await import('./commands/config.js')).register,
  },
  {
    name: 'setup',
    term: 'setup [options]',
    load: async () => (await import('./commands/setup.js')).register,
  },
  {
    name: 'doctor',
    term: 'doctor [options]',
    load: async () => (await import('./commands/doctor.js')).register,
  },
  {
    name: 'triage',
    term: 'triage',
    load: async () => (await import('./commands/triage.js')).register,
  },
  {
    name: 'gateway',
    term: 'gateway',
    // install/uninstall/start live in gateway-service.ts and hang under the gateway group.
    load: async () => {
      const [{ register }, { registerServiceCommands }] = await Promise.all([
        import('./commands/gateway.js'),
        import('./commands/gateway-service.js'),
      ]);
      return (program) => registerServiceCommands(register(program));
    },
  },
  {
    name: 'health',
    term: 'health [options]',
    load: async () => (await import('./commands/health.js')).register,
  },
  {
    name: 'status',
    term: 'status [options]',
    load: async () => (await import('./commands/status.js')).register,
  },
  {
    name: 'logs',
    term: 'logs',
    // `logs scan` lives in logs-scan.ts and hangs under the logs group.
    load: async () => {
      const [{ register }, { registerLogsScan }] = await Promise.all([
        import('./commands/logs.js'),
        import('./commands/logs-scan.js'),
      ]);
      return (program) => registerLogsScan(register(program));
    },
  },
  {
    name: 'devices',
    term: 'devices',
    load: async () => (await import('./commands/devices.js')).register,
  },
  {
    name: 'pairing',
    term: 'pairing',
    load: async () => (await import('./commands/pairing.js')).register,
  },
  {
    name: 'explain',
    term: 'explain [options] [text...]',
    load: async () => (await import('./commands/explain.js')).register,
  },
  {
    name: 'cron',
    term: 'cron',
    load: async () => (await import('./commands/cron.js')).register,
  },
  {
    name: 'system',
    term: 'system',
    load: async () => (await import('./commands/system.js')).register,
  },
  {
    name: 'channels',
    term: 'channels',
    load: async () => (await import('./commands/channels.js')).register,
  },
  {
    name: 'nodes',
    term: 'nodes',
    load: async () => (await import('./commands/nodes.js')).register,
  },
  {
    name: 'node',
    term: 'node',
    load: async () => (await import('./commands/nodes.js')).registerNode,
  },
  {
    name: 'approvals',
    term: 'approvals',
    load: async () => (await import('./commands/approvals.js')).register,
  },
  {
    name: 'browser',
    term: 'browser',
    load: async () => (await import('./commands/browser.js')).register,
  },
  {
    name: 'models',
    term: 'models',
    load: async () => (await import('./commands/models.js')).register,
  },
  {
    name: 'completion',
    term: 'completion <shell>',
    load: async () => (await import('./commands/completion.js')).register,
    describesAll: true,
  },
];

/** Global options that take a value, so the scan for the command name skips that value too. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--profile', '--lang']);

/**
 * The first `depth` words of the arguments (after `node main.js`) that are not options: the command
 * path they name. Values of global options (`--profile work`) are skipped; `help X …` names X ….
 */
export function commandPath(args: readonly string[], depth = 2): string[] {
  const words: string[] = [];
  for (let i = 0; i < args.length && words.length < depth + 1; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    if (arg.startsWith('-')) {
      if (GLOBAL_OPTIONS_WITH_VALUE.has(arg)) i++;
      continue;
    }
    words.push(arg);
  }
  return (words[0] === 'help' ? words.slice(1) : words).slice(0, depth);
}

/**
 * The top-level command the arguments (after `node main.js`) ask for: the first word that is not a
 * global option, or for `help X`, X. Undefined when there is none (`--help`, `--version`, nothing).
 */
export function requestedCommand(args: readonly string[]): string | undefined {
  return commandPath(args, 1)[0];
}
