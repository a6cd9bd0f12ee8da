// The "Examples:" block at the end of every --help page, one table for the whole command tree so
// the examples read alike. Every line is a real command: test/unit/advice-commands.test.ts parses
// each against the command table.
import type { Command } from 'commander';
import { t } from '../i18n/index.js';

/** By command path (`gateway status`); '' is the program itself. Commands only: they stay as typed in every language. */
// i18n-ignore-file: the table holds commands to type (the heading comes from the catalog)
export const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  '': ['openclaw doctor', 'openclaw gateway status', 'openclaw explain "gateway token mismatch"', 'openclaw doctor --help'],
  config: ['openclaw config get gateway.port', 'openclaw config set gateway.bind loopback', 'openclaw config validate'],
  'config file': ['openclaw config file', 'openclaw --profile work config file --json'],
  'config get': ['openclaw config get', 'openclaw config get gateway.auth.mode', 'openclaw config get gateway.port --resolved'],
  'config set': ['openclaw config set gateway.port 18790', 'openclaw config set gateway.mode local --dry-run', 'openclaw config set gateway.port 18790 --json'],
  'config unset': ['openclaw config unset gateway.remote', 'openclaw config unset gateway.remote --dry-run'],
  'config patch': ['openclaw config patch --file patch.json --dry-run', 'openclaw config patch --stdin < patch.json'],
  'config validate': ['openclaw config validate', 'openclaw config validate --json'],
  doctor: ['openclaw doctor', 'openclaw doctor --fix --dry-run', 'openclaw doctor --fix --yes', 'openclaw doctor --json --only gateway', 'openclaw doctor --lint --severity-min error', 'openclaw doctor --remote wss://gw.example.com --token-file ~/.gw-token', 'openclaw doctor --undo'],
  triage: ['openclaw triage'],
  gateway: ['openclaw gateway', 'openclaw gateway --port 18790 --verbose', 'openclaw gateway status', 'openclaw gateway restart'],
  'gateway run': ['openclaw gateway run', 'openclaw gateway run --port 18790 --bind loopback', 'openclaw gateway run --force'],
  'gateway status': ['openclaw gateway status', 'openclaw gateway status --deep', 'openclaw gateway status --json --require-rpc'],
  'gateway probe': ['openclaw gateway probe', 'openclaw gateway probe --url ws://127.0.0.1:18789 --json'],
  'gateway stop': ['openclaw gateway stop', 'openclaw gateway stop --timeout 5000 --json'],
  'gateway restart': ['openclaw gateway restart', 'openclaw gateway restart --json'],
  'gateway install': ['openclaw gateway install', 'openclaw gateway install --force --port 18790'],
  'gateway uninstall': ['openclaw gateway uninstall', 'openclaw gateway uninstall --json'],
  'gateway start': ['openclaw gateway start', 'openclaw gateway start --json'],
  health: ['openclaw health', 'openclaw health --json', 'openclaw health --url ws://127.0.0.1:18789 --timeout 3000'],
  status: ['openclaw status', 'openclaw status --deep', 'openclaw status --json'],
  logs: ['openclaw logs', 'openclaw logs --follow', 'openclaw logs scan --since 2h'],
  'logs tail': ['openclaw logs tail --limit 100', 'openclaw logs tail --follow', 'openclaw logs tail --rpc --json'],
  'logs scan': ['openclaw logs scan', 'openclaw logs scan --since 2h', 'openclaw logs scan /tmp/openclaw/openclaw-2026-01-31.log --json', 'openclaw logs scan - < saved-gateway.log'],
  devices: ['openclaw devices list', 'openclaw devices approve <requestId>'],
  'devices list': ['openclaw devices list', 'openclaw devices list --json'],
  'devices approve': ['openclaw devices approve <requestId>'],
  'devices reject': ['openclaw devices reject <requestId>'],
  'devices remove': ['openclaw devices remove <deviceId>'],
  'devices rotate': ['openclaw devices rotate <deviceId>', 'openclaw devices rotate <deviceId> --role node'],
  'devices revoke': ['openclaw devices revoke <deviceId>', 'openclaw devices revoke <deviceId> --role node'],
  pairing: ['openclaw pairing list', 'openclaw pairing approve <requestIdOrCode>'],
  'pairing list': ['openclaw pairing list', 'openclaw pairing list --channel webhook --json'],
  'pairing approve': ['openclaw pairing approve <requestIdOrCode>', 'openclaw pairing approve <code> --channel webhook --account <id>'],
  explain: ['openclaw explain "unauthorized: gateway token mismatch"', 'openclaw explain - < error.txt', 'openclaw explain --each-line --json < lines.txt', 'openclaw explain --json "EADDRINUSE: address already in use 127.0.0.1:18789"'],
  cron: ['openclaw cron status', 'openclaw cron list', 'openclaw cron add --name standup --cron "0 9 * * 1-5" --system-event "stand-up time"'],
  'cron status': ['openclaw cron status', 'openclaw cron status --json'],
  'cron list': ['openclaw cron list', 'openclaw cron list --json'],
  'cron runs': ['openclaw cron runs --id <id>', 'openclaw cron runs --id <id> --limit 20 --json'],
  'cron add': ['openclaw cron add --name standup --cron "0 9 * * 1-5" --tz Europe/Berlin --system-event "stand-up time"', 'openclaw cron add --every 30m --system-event "check the inbox"', 'openclaw cron add --at +10m --message "remind me to stretch"'],
  'cron rm': ['openclaw cron rm <id>'],
  'cron run': ['openclaw cron run <id>', 'openclaw cron run <id> --json'],
  system: ['openclaw system heartbeat last'],
  'system heartbeat': ['openclaw system heartbeat last'],
  'system heartbeat last': ['openclaw system heartbeat last', 'openclaw system heartbeat last --json'],
  channels: ['openclaw channels status', 'openclaw channels status --probe'],
  'channels status': ['openclaw channels status', 'openclaw channels status --probe --timeout 5000 --json'],
  nodes: ['openclaw nodes status', 'openclaw nodes describe --node <idOrNameOrIp>'],
  'nodes status': ['openclaw nodes status', 'openclaw nodes status --json'],
  'nodes describe': ['openclaw nodes describe --node <idOrNameOrIp>', 'openclaw nodes describe --node <idOrNameOrIp> --json'],
  'nodes invoke': ['openclaw nodes invoke --node <idOrNameOrIp> --command system.which --params \'{"name":"git"}\''],
  node: ['openclaw node run', 'openclaw node run --url ws://gateway-host:18789 --display-name laptop'],
  'node run': ['openclaw node run', 'openclaw node run --url ws://gateway-host:18789 --display-name laptop'],
  approvals: ['openclaw approvals get', 'openclaw approvals get --node <idOrNameOrIp>'],
  'approvals get': ['openclaw approvals get', 'openclaw approvals get --node <idOrNameOrIp> --agent main --json'],
  browser: ['openclaw browser status', 'openclaw browser start'],
  'browser status': ['openclaw browser status', 'openclaw browser status --browser-profile work --json'],
  'browser start': ['openclaw browser start', 'openclaw browser start --browser-profile work'],
  'browser stop': ['openclaw browser stop', 'openclaw browser stop --browser-profile work'],
  'browser profiles': ['openclaw browser profiles', 'openclaw browser profiles --json'],
  models: ['openclaw models status', 'openclaw models status --probe'],
  'models status': ['openclaw models status', 'openclaw models status --probe --timeout 5000 --json'],
  completion: ['openclaw completion bash > ~/.local/share/bash-completion/completions/openclaw', 'openclaw completion zsh', 'openclaw completion fish'],
};

function pathOf(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Adds the Examples block to this command (and, with `deep`, to every subcommand) from the table. */
export function addExamples(cmd: Command, deep = true): void {
  const examples = EXAMPLES[pathOf(cmd)];
  if (examples) cmd.addHelpText('after', `\n${t('cli.help.title.examples')}\n${examples.map((e) => `  ${e}`).join('\n')}`);
  if (deep) for (const sub of cmd.commands) addExamples(sub);
}
