// Stopping and restarting a gateway run by hand: act on the pid in the lock file, only when that pid
// is identified as the gateway that wrote the lock (readLock checks its command line and start time);
// a reused pid is reported and never signalled. Returns data; src/cli/commands/gateway-process.ts prints.
// (When a usable service is installed, src/cli/commands/gateway.ts routes these to the service manager instead.)
import { lazyRequire } from '../lazy-require.js';
import fs from 'node:fs';
import { said, type MessageRef } from '../i18n/index.js';
import { defaultCliEntry } from '../service/definition.js';
import { GatewayControlError } from './gateway-control-error.js';
import { stateLayout, type ResolvedPaths } from '../config/paths.js';
import { findLock } from '../system/gateway-lock.js';
import { processGone, terminate, waitForExit } from '../system/process-stop.js';

// Loaded on first use: the doctor reaches this module on every run but rarely starts a process,
// and child_process brings dgram and the child-process internals with it (~0.5 ms).
const childProcess = lazyRequire<typeof import('node:child_process')>('node:child_process');

function procFile(pid: number, name: string): string[] | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/${name}`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
}

/** Why a stale lock is stale, and, when its pid lives on, that it was left alone. */
function staleReason(lock: { reason?: string; reasonRef?: MessageRef; ownerAlive?: boolean; lock: { pid: number } }): MessageRef | string {
  const why = lock.reasonRef ?? lock.reason ?? { id: 'system.lock-owner.gone', params: { pid: lock.lock.pid } };
  return lock.ownerAlive ? { id: 'client.gateway.stale-not-signalled', params: { why } } : why;
}

export type StopResult =
  | { running: false; message: string; text: MessageRef; staleLockPid?: number }
  | { running: true; pid: number; signal: 'SIGTERM' | 'SIGKILL'; stopped: boolean };

/** Stops the gateway that holds this config's lock: SIGTERM, then SIGKILL after `timeoutMs`. */
export async function stopGatewayProcess(paths: ResolvedPaths, timeoutMs: number): Promise<StopResult> {
  const lock = findLock(paths.configPath.value, paths.stateDir.value);
  if (lock.state !== 'held') {
    if (lock.state === 'stale') {
      return { running: false, ...said('client.gateway.not-running.stale', { pid: lock.lock.pid, reason: staleReason(lock) }), staleLockPid: lock.lock.pid };
    }
    return { running: false, ...said('client.gateway.not-running') };
  }
  const pid = lock.lock.pid;
  const signal = await terminate(pid, timeoutMs);
  return { running: true, pid, signal, stopped: processGone(pid) };
}

/** The new gateway's pid once it holds the lock; undefined at the deadline or as soon as `exited()` says it ended (a refused start). */
async function waitForLock(configPath: string, stateDir: string, timeoutMs: number, notPid: number, exited: () => boolean = () => false): Promise<number | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !exited()) {
    const l = findLock(configPath, stateDir);
    if (l.state === 'held' && l.lock.pid !== notPid && !processGone(l.lock.pid)) return l.lock.pid;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

export interface RestartResult {
  ok: boolean;
  /** The pid stopped; undefined when the gateway was not running and was started. */
  oldPid?: number;
  /** When it was started: the stale lock found instead of a gateway, in words. */
  staleLock?: string;
  /** Set when the new process ended instead of taking the lock (a config it refuses, a port in use). */
  exitCode?: number;
  /** The new gateway's pid once it holds the lock, else the spawned child's. */
  pid?: number;
  log: string;
  errLog: string;
}

/** This CLI's own `openclaw [--profile X | --dev] gateway`, for the config these paths resolve to. */
function gatewayCommand(paths: ResolvedPaths): string[] {
  const p = paths.profile;
  const global = p?.source === 'flag' ? (p.from === '--dev' ? ['--dev'] : ['--profile', p.value]) : [];
  return [process.execPath, defaultCliEntry(), ...global, 'gateway'];
}

/** Starts the gateway detached, its output appended to the state dir's logs; waits until it holds the lock. */
async function launch(paths: ResolvedPaths, argv: string[], env: NodeJS.ProcessEnv, cwd: string, timeoutMs: number, oldPid?: number): Promise<RestartResult> {
  const logs = stateLayout(paths.stateDir.value);
  fs.mkdirSync(logs.logsDir, { recursive: true, mode: 0o700 });
  const out = fs.openSync(logs.gatewayLog, 'a', 0o600);
  const err = fs.openSync(logs.gatewayErrLog, 'a', 0o600);
  const child = childProcess().spawn(argv[0]!, argv.slice(1), { cwd, env, detached: true, stdio: ['ignore', out, err] });
  child.unref();
  fs.closeSync(out);
  fs.closeSync(err);
  const newPid = await waitForLock(paths.configPath.value, paths.stateDir.value, timeoutMs, oldPid ?? -1, () => child.exitCode !== null || child.signalCode !== null);
  return { ok: newPid !== undefined, oldPid, pid: newPid ?? child.pid, log: logs.gatewayLog, errLog: logs.gatewayErrLog, exitCode: child.exitCode ?? undefined };
}

/**
 * Stops the gateway that holds this config's lock and starts it again, detached, with the command
 * line, environment and cwd it had. A stopped gateway is an error, unless `startIfStopped` (what
 * `gateway restart` does, like `systemctl restart`): then it is started with this CLI's `gateway`.
 * Quiet: `gateway restart` and the doctor's `gateway.restart` print.
 */
export async function restartGatewayProcess(paths: ResolvedPaths, timeoutMs: number, opts: { startIfStopped?: boolean } = {}): Promise<RestartResult> {
  const configPath = paths.configPath.value;
  const lock = findLock(configPath, paths.stateDir.value);
  if (lock.state !== 'held') {
    if (opts.startIfStopped) {
      const r = await launch(paths, gatewayCommand(paths), process.env, paths.stateDir.value, timeoutMs);
      // The new gateway replaces the stale lock itself; a live pid in it is never signalled.
      return lock.state === 'stale' ? { ...r, staleLock: `stale lock of pid ${lock.lock.pid}: ${lock.reason ?? 'gone'}${lock.ownerAlive ? ', not signalled' : ''}` } : r;
    }
    const { message, text } = lock.state === 'stale' ? said('client.gateway.not-running.error-stale', { pid: lock.lock.pid, reason: staleReason(lock) }) : said('client.gateway.not-running.error');
    throw new GatewayControlError(message, { id: 'client.gateway.not-running.hint' }, text);
  }
  const oldPid = lock.lock.pid;
  // Restart with the same command line and environment the running gateway had.
  const argv = procFile(oldPid, 'cmdline');
  const envList = procFile(oldPid, 'environ');
  if (!argv?.length) throw new GatewayControlError(`cannot read the command line of pid ${oldPid}; stop it and start it again by hand`);
  const env = envList ? Object.fromEntries(envList.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])) : process.env;
  const cwd = fs.readlinkSync(`/proc/${oldPid}/cwd`);
  await terminate(oldPid, timeoutMs);
  await waitForExit(oldPid, 2000);
  return launch(paths, argv, env, cwd, timeoutMs, oldPid);
}
