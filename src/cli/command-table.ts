// The top-level commands, with what `openclaw --help` shows for each. Only the command named on
// the command line is imported; the others stay light stubs (a name and a summary), so start-up
// does not pay for every command's modules. test/unit/cli-command-table.test.ts keeps the summaries
// and terms equal to what the real registrations produce.
import type { Command } from 'commander';

export interface CommandEntry {
  name: string;
  /** The description the real command registers. */
  summary: string;
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
    summary: 'read, change and validate openclaw.json (writes are atomic, with a backup)',
    term: 'config',
    load: async () => (await import('./commands/config.js')).register,
  },
  {
    name: 'setup',
    summary: 'first run: create the state dir and a config (local mode, loopback, a generated token)',
    term: 'setup [options]',
    load: async () => (await import('./commands/setup.js')).register,
  },
  {
    name: 'doctor',
    summary: 'find what keeps the gateway from working, and repair it with --fix',
    term: 'doctor [options]',
    load: async () => (await import('./commands/doctor.js')).register,
  },
  {
    name: 'triage',
    summary: 'interactive wizard: pick a symptom, see the cause, apply a verified fix',
    term: 'triage',
    load: async () => (await import('./commands/triage.js')).register,
  },
  {
    name: 'gateway',
    summary: 'run the embedded gateway (foreground, the default), or inspect and control a running one',
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
    summary: 'ask the running gateway whether it is healthy (the health RPC)',
    term: 'health [options]',
    load: async () => (await import('./commands/health.js')).register,
  },
  {
    name: 'status',
    summary: 'show the running gateway’s status (files, bind, connections)',
    term: 'status [options]',
    load: async () => (await import('./commands/status.js')).register,
  },
  {
    name: 'logs',
    summary: 'show the gateway log (default: tail), or scan logs for known failures',
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
    summary: 'list, approve and manage paired devices (through the running gateway)',
    term: 'devices',
    load: async () => (await import('./commands/devices.js')).register,
  },
  {
    name: 'pairing',
    summary: 'pending pairing requests and their approval',
    term: 'pairing',
    load: async () => (await import('./commands/pairing.js')).register,
  },
  {
    name: 'explain',
    summary: 'explain a pasted log line or error message: its cause and the fix',
    term: 'explain [options] [text...]',
    load: async () => (await import('./commands/explain.js')).register,
  },
  {
    name: 'cron',
    summary: 'inspect and manage scheduled jobs (cron/jobs.json)',
    term: 'cron',
    load: async () => (await import('./commands/cron.js')).register,
  },
  {
    name: 'system',
    summary: 'system events: heartbeat',
    term: 'system',
    load: async () => (await import('./commands/system.js')).register,
  },
  {
    name: 'channels',
    summary: 'channel accounts: policy, traffic and delivery health',
    term: 'channels',
    load: async () => (await import('./commands/channels.js')).register,
  },
  {
    name: 'nodes',
    summary: 'paired nodes: capabilities, permissions, recent failures',
    term: 'nodes',
    load: async () => (await import('./commands/nodes.js')).register,
  },
  {
    name: 'node',
    summary: 'run this machine as a node of the gateway',
    term: 'node',
    load: async () => (await import('./commands/nodes.js')).registerNode,
  },
  {
    name: 'approvals',
    summary: 'exec approvals for system.run',
    term: 'approvals',
    load: async () => (await import('./commands/approvals.js')).register,
  },
  {
    name: 'browser',
    summary: 'the browser tool: profiles, CDP reachability, start and stop',
    term: 'browser',
    load: async () => (await import('./commands/browser.js')).register,
  },
  {
    name: 'models',
    summary: 'model providers: keys, reachability, compat flags',
    term: 'models',
    load: async () => (await import('./commands/models.js')).register,
  },
  {
    name: 'completion',
    summary: 'print a shell completion script (bash, zsh or fish) for every command and option',
    term: 'completion <shell>',
    load: async () => (await import('./commands/completion.js')).register,
    describesAll: true,
  },
];

/** Global options that take a value, so the scan for the command name skips that value too. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--profile']);

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
