// The flags every client command shares (--json --url --token --password --timeout) and the one
// way those commands open a connection and turn a failure into a message and an exit code.
import type { Command } from 'commander';
import type { ResolvedPaths } from '../config/paths.js';
import { t, type MessageRef } from '../i18n/index.js';
import { nextStepWords } from '../protocol/errors.js';
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

export interface FailureText {
  /** What went wrong, in words: no internal codes. */
  what: string;
  /** What to do next, when there is something to do. */
  next?: string;
}

/**
 * What went wrong and the next step, for any client failure. `from` is the command the user just
 * ran: a failure never advises running it again.
 */
export function failureText(f: ProbeFailure, from?: string): FailureText {
  switch (f.kind) {
    case 'refused':
      // The failure's own message is English (it lands in --json); the same words from the catalog here.
      return { what: f.url ? t('client.failure.refused', { url: f.url }) : f.message, next: t(from === 'gateway status' ? 'client.failure.refused.next-start' : 'client.failure.refused.next') };
    case 'pairing':
      return { what: t('client.failure.pairing'), next: t('client.failure.pairing.next', { requestId: f.requestId ?? '<requestId>' }) };
    case 'protocol':
      return { what: t('client.failure.protocol', { expected: JSON.stringify(f.expectedProtocol) }), next: t('client.failure.protocol.next') };
    case 'unavailable':
      return { what: t('client.failure.unavailable', { message: `${f.message}${typeof f.details?.reason === 'string' ? ` (${f.details.reason})` : ''}` }), next: t('client.failure.unavailable.next') };
    default:
      // The gateway's own words stay as it wrote them; its next step is ours to word.
      return { what: f.message, next: nextStepWords(f.recommendedNextStep) === undefined ? undefined : t(`next-step.${f.recommendedNextStep}`) };
  }
}

/** One line a person can act on, for any client failure. */
export function describeFailure(f: ProbeFailure, from?: string): string {
  const text = failureText(f, from);
  return text.next ? `${text.what} (${text.next.replace(/\.$/, '')})` : text.what;
}

/** The warning when the token or password given was refused and this device's own token got in. */
export function sharedAuthWarning(rejected: ProbeFailure): MessageRef {
  return { id: 'client.shared-auth-rejected', params: { message: rejected.message } };
}

export interface OpenedClient {
  client: import('./connection.js').GatewayClient;
  url: string;
  /** Set when the token or password given was refused and this device's cached token got in. */
  sharedAuthRejected?: ProbeFailure;
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
  return { client: r.client, url: target.url, sharedAuthRejected: r.sharedAuthRejected };
}
