// Commands of the full OpenClaw CLI (the `openclaw` npm package, 2026.9.6, from its own CLI
// reference) that this toolkit does not implement. Advice may name one, marked "(full OpenClaw
// CLI)"; typing one here gets a one-line pointer and exit 2 instead of "unknown command".
// Top-level commands are single words; subcommands of groups we share are "group sub".
import { t } from '../i18n/index.js';

/** Top-level commands only the full CLI has. */
export const UPSTREAM_TOP_LEVEL: readonly string[] = [
  'acp', 'agent', 'agents', 'attach', 'audit', 'backup', 'clawbot', 'claws', 'completion', 'configure',
  'connect', 'daemon', 'dashboard', 'directory', 'dns', 'docs', 'exec-policy', 'file-transfer', 'fleet',
  'hooks', 'infer', 'mcp', 'memory', 'message', 'migrate', 'onboard', 'path', 'plugins', 'policy', 'promos',
  'proxy', 'qr', 'reset', 'resume', 'sandbox', 'secrets', 'security', 'sessions', 'skills', 'tasks',
  'transcripts', 'tui', 'uninstall', 'update', 'voicecall', 'webhooks', 'wiki', 'workboard', 'worker',
];

/** Subcommands of groups both CLIs have; ours may implement some of them (then ours runs). */
export const UPSTREAM_SUBCOMMANDS: Readonly<Record<string, readonly string[]>> = {
  approvals: ['allowlist', 'get', 'grants', 'pending', 'resolve', 'set'],
  browser: [
    'batch', 'click', 'close', 'console', 'cookies', 'create-profile', 'delete-profile', 'dialog', 'doctor',
    'download', 'errors', 'evaluate', 'fill', 'navigate', 'open', 'pdf', 'press', 'profiles', 'screenshot',
    'snapshot', 'start', 'status', 'stop', 'tab', 'tabs', 'type', 'upload', 'wait',
  ],
  channels: ['add', 'capabilities', 'dead-letters', 'list', 'login', 'logout', 'logs', 'remove', 'resolve', 'status'],
  config: ['file', 'get', 'patch', 'schema', 'set', 'unset', 'validate'],
  devices: ['approve', 'clear', 'join-code', 'list', 'reject', 'remove', 'rename', 'revoke', 'rotate'],
  gateway: [
    'auth-token', 'call', 'diagnostics', 'discover', 'health', 'install', 'probe', 'restart', 'run', 'start',
    'status', 'stop', 'uninstall', 'usage-cost',
  ],
  models: ['accounts', 'aliases', 'auth', 'fallbacks', 'image-fallbacks', 'list', 'refresh', 'scan', 'set', 'set-image', 'status'],
  node: ['identity', 'install', 'restart', 'run', 'start', 'status', 'stop', 'uninstall'],
  nodes: ['approve', 'canvas', 'describe', 'invoke', 'list', 'location', 'notify', 'pending', 'reject', 'remove', 'rename', 'screen', 'status'],
  pairing: ['approve', 'list'],
  system: ['event', 'heartbeat', 'presence'],
};

// i18n-ignore: a marker in advice text that test/helpers/advice-commands.ts matches, not a sentence
export const FULL_CLI_MARK = '(full OpenClaw CLI)';

/** True when `words` (a command path such as ["models", "list"]) is a command of the full CLI. */
export function isUpstreamCommand(words: readonly string[]): boolean {
  const [top, sub] = words;
  if (!top) return false;
  if (UPSTREAM_TOP_LEVEL.includes(top)) return true;
  return sub !== undefined && (UPSTREAM_SUBCOMMANDS[top]?.includes(sub) ?? false);
}

/**
 * The pointer for a command line whose command path (`words`, the first two non-option words) names
 * a full-CLI command this toolkit lacks, or undefined. `hasCommand` says whether this toolkit has a path.
 */
export function upstreamPointer(words: readonly string[], hasCommand: (path: readonly string[]) => boolean): string | undefined {
  const [top, sub] = words;
  if (!top) return undefined;
  let named: string | undefined;
  if (!hasCommand([top])) named = UPSTREAM_TOP_LEVEL.includes(top) ? top : undefined;
  else if (sub && !hasCommand([top, sub]) && UPSTREAM_SUBCOMMANDS[top]?.includes(sub)) named = `${top} ${sub}`;
  if (!named) return undefined;
  return t('cli.upstream.pointer', { command: named });
}
