// What the subsystem command groups share: a SubsystemContext built from the CLI's global flags
// (resolved paths, the resolved config or {} when there is none), and asking the gateway first.
import type { Command } from 'commander';
import { readConfigFile } from '../config/load.js';
import { contextFor } from './context.js';
import { RpcError } from '../protocol/rpc.js';
import type { SubsystemContext } from '../subsystems/context.js';
import { silentLog, stderrLog } from '../subsystems/log.js';
import { t } from '../i18n/index.js';

export interface SubsystemCli extends SubsystemContext {
  configPath: string;
  configExists: boolean;
  showSecrets: boolean;
}

export function subsystemContextFor(cmd: Command): SubsystemCli {
  const ctx = contextFor(cmd);
  const r = readConfigFile(ctx.paths.configPath.value);
  return {
    stateDir: ctx.paths.stateDir.value,
    config: r.exists ? r.resolved : {},
    configPath: ctx.paths.configPath.value,
    configExists: r.exists,
    showSecrets: Boolean(ctx.global.showSecrets),
    // Commands print their own results; the subsystem log lines only matter when debugging.
    log: process.env.OPENCLAW_DEBUG ? stderrLog() : silentLog,
  };
}

export function fmtTime(ms: number | null | undefined): string {
  return ms ? new Date(ms).toISOString() : '-';
}

export interface GatewayOrLocal<T> {
  payload: T;
  /** Where the answer came from: the running gateway, or the state dir read by this process. */
  via: 'gateway' | 'local';
}

/**
 * Calls `method` on the running gateway (so its scheduler, node registry and logger are used); when no
 * gateway answers, runs `local` against the state dir instead and says why on stderr unless the
 * gateway simply is not running. An RPC error from a running gateway is the command's error.
 */
export async function viaGatewayOr<T>(cmd: Command, method: string, params: unknown, local: () => Promise<T> | T, timeoutMs = 3000): Promise<GatewayOrLocal<T>> {
  const { openClient, describeFailure } = await import('../client/cli-options.js');
  const { VERSION } = await import('../version.js');
  const opened = await openClient(contextFor(cmd).paths, { timeout: String(timeoutMs) }, VERSION);
  if ('failure' in opened) {
    if (opened.failure.kind !== 'refused') process.stderr.write(`${t('cli.subsystem.no-answer', { url: opened.url, reason: describeFailure(opened.failure) })}\n`);
    return { payload: await local(), via: 'local' };
  }
  try {
    const r = await opened.client.call<T>(method, params, Math.max(timeoutMs, 30_000));
    if (!r.ok) throw new RpcError(r.failure.errorCode ?? 'UNAVAILABLE', r.failure.message, r.failure.details);
    return { payload: r.payload, via: 'gateway' };
  } finally {
    opened.client.close();
  }
}
