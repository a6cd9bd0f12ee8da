// `gateway status` and `gateway probe`: the runtime view (lock pid, port listeners) next to the RPC view.
import type { CliContext } from '../context.js';
import { printJson, println as printLine } from '../output.js';
import { resolveBind, resolvePort } from '../../config/gateway-settings.js';
import { describeSource } from '../../config/paths.js';
import { redactText } from '../../config/redact.js';
import { findLock } from '../../system/gateway-lock.js';
import type { PortHolder } from '../../system/port-holders.js';
import { describeFailure, timeoutOf, type ClientFlags } from '../../client/cli-options.js';
import { probeGateway } from '../../client/probe.js';
import { resolveTarget } from '../../client/target.js';
import type { ProbeResult } from '../../client/types.js';
import { escapeControl, escapeJsonControl } from '../../system/untrusted-text.js';
import { t } from '../../i18n/index.js';

// Versions, errors and command lines here come from the gateway and the process table: shown escaped.
const println = (text: string) => printLine(escapeControl(text));

function secretsOf(flags: ClientFlags, target: { token?: string; password?: string }): string[] {
  return [flags.token, flags.password, target.token, target.password].filter((s): s is string => Boolean(s));
}

/** JSON output never carries the secrets it was given (scrubbed inside string values only). */
function printScrubbed(value: unknown, secrets: string[]): void {
  const text = JSON.stringify(value, (_k, v) => (typeof v === 'string' && secrets.some((s) => v.includes(s)) ? redactText(v, secrets) : v), 2);
  process.stdout.write(`${escapeJsonControl(text)}\n`);
}

/** Whether this config's gateway runs: from its lock, or found on its port. */
interface Runtime {
  status: 'running' | 'stopped';
  pid?: number;
  foundOnPort?: number;
  lockPath: string;
  staleLockPid?: number;
  /** Why the lock is stale: its pid is gone, or runs but is not the gateway that wrote it. */
  staleLockReason?: string;
  lockProblem?: string;
}

/** The service section `gateway status` shows (built by the service layer). */
export interface StatusSection {
  lines: string[];
}

export async function gatewayStatus(ctx: CliContext, flags: ClientFlags & { deep?: boolean; requireRpc?: boolean }, service?: StatusSection): Promise<number> {
  const target = resolveTarget(ctx.paths, flags);
  const lock = findLock(ctx.paths.configPath.value, ctx.paths.stateDir.value);
  const lockFile = lock.path;
  let port = target.port;
  let bind: { value: string; source: string } | undefined;
  try {
    port ??= resolvePort(target.config, {}, process.env, ctx.paths.defaultPort);
    const b = resolveBind(target.config, {});
    bind = { value: b.value, source: describeSource(b) };
  } catch (err) {
    bind = { value: 'invalid', source: (err as Error).message };
  }
  const probe = await probeGateway({ url: target.url, token: target.token, password: target.password, timeoutMs: timeoutOf(flags, 3000), stateDir: ctx.paths.stateDir.value, deep: flags.deep });
  // The port's listeners: always with --deep; otherwise only when there is no lock to go by and
  // something answers (a real OpenClaw gateway leaves no lock this CLI reads).
  let listeners: PortHolder[] | undefined;
  if (port && (flags.deep || (lock.state !== 'held' && probe.connect.error?.kind !== 'refused'))) {
    const { findPortHolders } = await import('../../system/port-holders.js');
    listeners = await findPortHolders(port.value);
  }
  let runtime: Runtime =
    lock.state === 'held'
      ? { status: 'running', pid: lock.lock.pid, lockPath: lockFile }
      : { status: 'stopped', lockPath: lockFile, ...(lock.state === 'stale' ? { staleLockPid: lock.lock.pid, staleLockReason: lock.reason } : {}), ...(lock.state === 'unreadable' ? { lockProblem: lock.reason } : {}) };
  if (runtime.status === 'stopped' && port && listeners?.length) {
    // The process on the port is this config's gateway only when it is identified as a gateway
    // (command line and handshake) and its environment leads to this config file.
    const { describeHolder } = await import('../../facts/ports.js');
    const described = await Promise.all(listeners.map(describeHolder));
    const ours = described.find((h) => h.pid && h.answersHandshake && h.configPath === ctx.paths.configPath.value);
    if (ours?.pid) runtime = { status: 'running', pid: ours.pid, foundOnPort: port.value, lockPath: lockFile };
  }
  const rpcOk = probe.ok && probe.connect.rpcOk;
  const out = {
    ok: rpcOk,
    runtime,
    rpc: { ok: rpcOk, url: probe.url, latencyMs: probe.connect.latencyMs, protocol: probe.connect.protocol, error: probe.connect.error },
    config: { path: ctx.paths.configPath.value, source: describeSource(ctx.paths.configPath) },
    port: port ? { value: port.value, source: describeSource(port) } : undefined,
    bind,
    url: { value: target.url, source: target.urlSource },
    listeners: flags.deep ? listeners : undefined,
    status: flags.deep ? probe.status : undefined,
    service: service ? { ...service, lines: undefined } : undefined,
  };
  if (flags.json) printScrubbed(out, secretsOf(flags, target));
  else {
    println(
      t('cli.gateway-status.runtime', {
        status: runtime.status,
        pid: runtime.pid ?? 0,
        port: runtime.foundOnPort ?? 0,
        stalePid: runtime.staleLockPid ?? 0,
        staleReason: runtime.staleLockReason ?? '',
        hasReason: Boolean(runtime.staleLockReason),
      }),
    );
    println(
      rpcOk
        ? t('cli.gateway-status.rpc-ok', { ms: probe.connect.latencyMs, protocol: probe.connect.protocol })
        // i18n-ignore: 'gateway status' names the command
        : t('cli.gateway-status.rpc-failed', { reason: probe.connect.error ? describeFailure(probe.connect.error, 'gateway status') : t('cli.gateway-status.unknown') }),
    );
    println(t('cli.gateway-status.url', { url: target.url, source: target.urlSource }));
    if (port) println(t('cli.gateway-status.port', { port: port.value, source: describeSource(port) }));
    if (bind) println(t('cli.gateway-status.bind', { bind: bind.value, source: bind.source }));
    println(t('cli.gateway-status.config', { path: ctx.paths.configPath.value, source: describeSource(ctx.paths.configPath) }));
    if (flags.deep && listeners) {
      if (listeners.length === 0) println(t('cli.gateway-status.no-listeners'));
      for (const l of listeners) println(t('cli.gateway-status.listener', { address: l.address, port: l.port, pid: l.pid ?? '?', command: l.command ?? '' }));
    }
    for (const line of service?.lines ?? []) println(line);
  }
  if (flags.requireRpc && !rpcOk) return 1;
  return 0;
}

export async function gatewayProbe(ctx: CliContext, flags: ClientFlags): Promise<number> {
  const target = resolveTarget(ctx.paths, flags);
  const r: ProbeResult = await probeGateway({ url: target.url, token: target.token, password: target.password, timeoutMs: timeoutOf(flags), stateDir: ctx.paths.stateDir.value, deep: true });
  if (flags.json) printScrubbed(r, secretsOf(flags, target));
  else {
    println(t('cli.gateway-status.probe.head', { url: r.url, reachable: r.ok, ms: r.durationMs }));
    if (r.connect.ok) println(t('cli.gateway-status.probe.connect-ok', { protocol: r.connect.protocol, server: r.connect.serverVersion ?? '?', ms: r.connect.latencyMs }));
    if (r.connect.error) println(t('cli.gateway-status.probe.failure', { stage: r.connect.ok ? 'rpc' : 'connect', reason: describeFailure(r.connect.error) }));
    if (r.connect.rpcOk) println(t('cli.gateway-status.probe.health-ok'));
    for (const [i, w] of r.warnings.entries()) println(t('cli.gateway-status.probe.warning', { warning: r.warningRefs?.[i] ?? w }));
  }
  return r.ok ? 0 : 1;
}
