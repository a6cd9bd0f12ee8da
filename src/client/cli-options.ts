// The flags every client command shares (--json --url --token --password --timeout) and the one
// way those commands open a connection and turn a failure into a message and an exit code.
import type { Command } from 'commander';
import type { ResolvedPaths } from '../config/paths.js';
import type { ProbeFailure } from './types.js';

export interface ClientFlags {
  json?: boolean;
  url?: string;
  token?: string;
  password?: string;
  timeout?: string;
}

export function addClientOptions(cmd: Command, defaultTimeoutMs = 10_000): Command {
  return cmd
    .option('--json', 'print JSON')
    .option('--url <url>', 'gateway WebSocket URL (default: ws://127.0.0.1:<port> from config/env)')
    .option('--token <token>', 'gateway token (default: OPENCLAW_GATEWAY_TOKEN, then the config)')
    .option('--password <password>', 'gateway password (default: OPENCLAW_GATEWAY_PASSWORD, then the config)')
    .option('--timeout <ms>', 'overall timeout in milliseconds', String(defaultTimeoutMs));
}

export function timeoutOf(flags: ClientFlags, fallback = 10_000): number {
  const n = Number(flags.timeout);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** One line a person can act on, for any client failure. */
export function describeFailure(f: ProbeFailure): string {
  const code = f.code ? ` [${f.code}]` : '';
  switch (f.kind) {
    case 'refused':
      return `${f.message} (is the gateway running? try \`openclaw gateway status\`)`;
    case 'pairing':
      return `pairing required${code}: approve with \`openclaw devices approve ${f.requestId ?? '<requestId>'}\` on the gateway host`;
    case 'protocol':
      return `protocol mismatch: the gateway speaks protocol ${JSON.stringify(f.expectedProtocol)}`;
    case 'unavailable':
      return `${f.message}${typeof f.details?.reason === 'string' ? ` (${f.details.reason})` : ''}: the gateway is not ready yet; retry in a few seconds (\`openclaw logs --follow\` shows its start)`;
    default:
      return `${f.message}${code}${f.recommendedNextStep ? ` (next: ${f.recommendedNextStep})` : ''}`;
  }
}

export interface OpenedClient {
  client: import('./connection.js').GatewayClient;
  url: string;
}

/** Connects with this machine's device identity; prints the failure and returns undefined on error. */
export async function openClient(paths: ResolvedPaths, flags: ClientFlags, version: string): Promise<OpenedClient | { failure: ProbeFailure; url: string }> {
  const { resolveTarget } = await import('./target.js');
  const { connectGateway } = await import('./connection.js');
  const target = resolveTarget(paths, flags);
  const r = await connectGateway({
    url: target.url,
    token: target.token,
    password: target.password,
    timeoutMs: timeoutOf(flags),
    stateDir: paths.stateDir.value,
    version,
  });
  if (!r.ok) return { failure: r.failure, url: target.url };
  return { client: r.client, url: target.url };
}
