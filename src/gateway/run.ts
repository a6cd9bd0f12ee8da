// `openclaw gateway [run]`: load and guard the config, bootstrap a token, take the lock, listen, and
// stay up until SIGTERM/SIGINT. Config reloads apply hot or restart the server in-process.
import crypto from 'node:crypto';
import os from 'node:os';
import { ConfigError } from '../config/errors.js';
import { bindHost, isLoopbackHost, resolveBind, resolvePort, resolveServerAuth, type GatewayFlags } from '../config/gateway-settings.js';
import { readConfigFile, type JsonObject } from '../config/load.js';
import { setPath } from '../config/dotpath.js';
import { stateLayout, type ResolvedPaths } from '../config/paths.js';
import { validateConfig } from '../config/schema.js';
import { promoteLastKnownGood, writeConfig } from '../config/write.js';
import { withConfigWriteLock } from '../config/write-lock.js';
import { GUARD_MESSAGES, StartBlockedError } from './guards.js';
import { LockDirUnsafeError } from '../system/gateway-lock.js';
import { routeAuthLimit } from './http.js';
import { acquireLock, LockHeldError, type HeldLock } from './lock.js';
import { GatewayLogger } from './logger.js';
import { PairingStore } from './device-pairing-store.js';
import { FailureLimiter, rateLimitFromConfig } from './rate-limit.js';
import { GatewayMetrics } from './metrics.js';
import { watchConfig, type ReloadMode } from './reload.js';
import type { GatewaySettings, LiveConnection, Runtime } from './runtime.js';
import { PortInUseError, startServer, type RunningServer } from './server.js';

export interface RunOptions extends GatewayFlags {
  allowUnconfigured?: boolean;
  force?: boolean;
  verbose?: boolean;
  dev?: boolean;
  version: string;
}

/** Why the gateway did not start, and the exit code to leave with. */
export class StartFailedError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly hint?: string,
  ) {
    super(message);
  }
}

const LOCK_TIMEOUT_MS = Number(process.env.OPENCLAW_GATEWAY_LOCK_TIMEOUT_MS) || 5000;

function tailnetAddress(): string | undefined {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.family !== 'IPv4') continue;
      const [x, y] = a.address.split('.').map(Number);
      if (x === 100 && y >= 64 && y <= 127) return a.address;
    }
  }
  return undefined;
}

interface LoadedStart {
  config: JsonObject;
  raw?: JsonObject;
  exists: boolean;
  hash?: string;
}

function loadForStart(paths: ResolvedPaths, opts: RunOptions): LoadedStart {
  const file = paths.configPath.value;
  let r;
  try {
    r = readConfigFile(file);
  } catch (err) {
    if (err instanceof ConfigError) throw new StartBlockedError(GUARD_MESSAGES.unparseable(err.location, err.message), err.hint);
    throw err;
  }
  if (!r.exists && opts.dev) {
    // --dev creates a minimal local config the first time, as upstream's dev profile does.
    const dev = { gateway: { mode: 'local', bind: 'loopback' } };
    withConfigWriteLock(file, () => {
      if (!readConfigFile(file).exists) writeConfig(file, dev, { reason: 'gateway --dev' }); // another writer may have created it
    });
    return loadForStart(paths, { ...opts, dev: false });
  }
  if (!r.exists) {
    if (!opts.allowUnconfigured) throw new StartBlockedError(GUARD_MESSAGES.missingConfig);
    return { config: {}, exists: false };
  }
  const issues = validateConfig(r.resolved).map((i) => `- ${i.path}: ${i.message}`);
  for (const m of r.missingEnv) issues.push(`- ${m.path}: environment variable ${m.name} is not set`);
  if (issues.length) throw new StartBlockedError(`${GUARD_MESSAGES.invalid(file)}\n${issues.join('\n')}`, 'Run `openclaw config validate`, then `openclaw doctor --fix`.');
  const mode = (r.resolved.gateway as any)?.mode;
  if (!opts.allowUnconfigured) {
    if (mode === undefined) throw new StartBlockedError(GUARD_MESSAGES.modeUnset);
    if (mode !== 'local') throw new StartBlockedError(GUARD_MESSAGES.modeNotLocal(String(mode)));
  }
  return { config: r.resolved, raw: r.raw, exists: true, hash: crypto.createHash('sha256').update(r.text).digest('hex') };
}

function buildSettings(paths: ResolvedPaths, loaded: LoadedStart, opts: RunOptions): GatewaySettings {
  const config = loaded.config;
  const port = resolvePort(config, opts, process.env, paths.defaultPort);
  const bind = resolveBind(config, opts);
  const host = bindHost(bind.value, config, { tailnetAddress });
  const auth = resolveServerAuth(config, opts);
  const gw = (config.gateway ?? {}) as any;
  if (auth.mode.value === 'password' && !auth.password) throw new StartBlockedError(GUARD_MESSAGES.passwordMissing);
  const hasAuth = auth.mode.value === 'trusted-proxy' || (auth.mode.value === 'token' && auth.token) || (auth.mode.value === 'password' && auth.password);
  if (!isLoopbackHost(host) && !hasAuth) {
    throw new StartBlockedError(GUARD_MESSAGES.bindWithoutAuth(bind.value), 'Set gateway.auth.token (or gateway.auth.password), or bind to loopback.');
  }
  return {
    configPath: paths.configPath.value,
    stateDir: paths.stateDir.value,
    config,
    configHash: loaded.hash,
    host,
    port: port.value,
    bind: bind.value,
    authMode: auth.mode.value,
    token: auth.token?.value,
    password: auth.password?.value,
    allowedOrigins: gw.controlUi?.allowedOrigins ?? [],
    handshakeTimeoutMs: gw.handshakeTimeoutMs ?? 10_000,
    tickIntervalMs: Number(process.env.OPENCLAW_GATEWAY_TICK_MS) || 30_000,
    verbose: Boolean(opts.verbose),
  };
}

/** Upstream's token bootstrap: token mode, no token anywhere, loopback → 48 hex, saved to the config. */
function bootstrapToken(settings: GatewaySettings, loaded: LoadedStart, logger: GatewayLogger): void {
  if (settings.authMode !== 'token' || settings.token || !isLoopbackHost(settings.host)) return;
  const token = crypto.randomBytes(24).toString('hex');
  settings.token = token;
  logger.setSecrets([token, settings.password]);
  const log = logger.child('gateway');
  if (!loaded.exists || !loaded.raw) {
    log.warn('auth token was missing; generated a token for this run only (there is no config file to save it to)');
    return;
  }
  // Re-read under the write lock: an edit made since the start must not be lost to this write.
  const next = withConfigWriteLock(settings.configPath, () => {
    const now = readConfigFile(settings.configPath);
    const base = now.exists ? now.raw : loaded.raw!;
    const saved = setPath(base, ['gateway', 'auth', 'token'], token);
    writeConfig(settings.configPath, saved, { previous: base, reason: 'gateway token bootstrap', auditFile: stateLayout(settings.stateDir).configAudit });
    return saved;
  });
  loaded.raw = next;
  log.info('auth token was missing. Generated a new token and saved it to config (gateway.auth.token).');
}

async function portInUseMessage(host: string, port: number): Promise<string> {
  const lines = [`Gateway failed to start: another gateway instance is already listening on ws://${host}:${port}`];
  const { findPortHolders } = await import('../system/port-holders.js');
  const holders = (await findPortHolders(port).catch(() => undefined)) ?? [];
  const withPid = holders.filter((h) => h.pid);
  if (withPid.length) for (const h of withPid) lines.push(`Port ${port} is already in use (EADDRINUSE) by pid ${h.pid}: ${h.command ?? '(command unknown)'}`);
  else lines.push(`Port ${port} is already in use (EADDRINUSE).`);
  return lines.join('\n');
}

export async function runGateway(paths: ResolvedPaths, opts: RunOptions): Promise<number> {
  const layout = stateLayout(paths.stateDir.value);
  let logFile: string | undefined;
  const logger = new GatewayLogger({ logsDir: layout.logsDir, verbose: opts.verbose });
  const log = logger.child('gateway');
  logger.setSecrets([opts.token, opts.password]);

  let loaded: LoadedStart;
  let settings: GatewaySettings;
  try {
    loaded = loadForStart(paths, opts);
    logFile = (loaded.config.logging as any)?.file;
    settings = buildSettings(paths, loaded, opts);
  } catch (err) {
    if (err instanceof StartBlockedError) {
      log.fileOnly('error', err.message);
      throw new StartFailedError(err.message, 78, err.hint);
    }
    throw err;
  }
  const fileLogger = logFile ? new GatewayLogger({ file: logFile, logsDir: layout.logsDir, verbose: opts.verbose }) : logger;
  fileLogger.setSecrets([settings.token, settings.password]);
  const glog = fileLogger.child('gateway');
  bootstrapToken(settings, loaded, fileLogger);

  if (opts.force) {
    const { freePort } = await import('./force.js');
    const freed = await freePort(settings.port);
    if (!freed) glog.warn(`--force: cannot tell who listens on port ${settings.port} (no port lookup tool answered); nothing stopped`);
    for (const s of freed?.stopped ?? []) glog.warn(`force: stopped pid ${s.pid} (${s.command ?? 'unknown command'}) listening on port ${settings.port} with ${s.signal}`);
    for (const h of freed?.leftAlone ?? []) glog.warn(`force: left pid ${h.pid} (${h.command ?? 'command unknown'}) on port ${settings.port} alone: it is not an OpenClaw gateway (command line and handshake); stop it yourself if it is yours`);
  }

  let lock: HeldLock;
  try {
    lock = await acquireLock(settings.configPath, LOCK_TIMEOUT_MS);
  } catch (err) {
    if (err instanceof LockHeldError) {
      glog.fileOnly('error', `Gateway failed to start: ${err.message}`);
      throw new StartFailedError(`Gateway failed to start: ${err.message}`, 1, 'Stop it with `openclaw gateway stop`, or run `openclaw gateway status --deep`.');
    }
    if (err instanceof LockDirUnsafeError) {
      glog.fileOnly('error', `Gateway start blocked: ${err.message}`);
      throw new StartFailedError(`Gateway start blocked: ${err.message}`, 78);
    }
    throw err;
  }
  if (lock.clearedStale) glog.warn(`removed stale gateway lock ${lock.path} (${lock.clearedStale.reason}; not signalled)`);

  const rl = rateLimitFromConfig((settings.config.gateway as any)?.auth?.rateLimit);
  const rt: Runtime = {
    version: opts.version,
    startedAtMs: Date.now(),
    settings,
    logger: fileLogger,
    log: glog,
    wsLog: fileLogger.child('gateway/ws'),
    pairing: new PairingStore(settings.stateDir),
    authLimiter: new FailureLimiter(rl),
    originLimiter: new FailureLimiter({ ...rl, exemptLoopback: false }),
    rateLimitExemptLoopback: rl.exemptLoopback,
    connections: new Map<string, LiveConnection>(),
    metrics: new GatewayMetrics(),
    stateVersion: { presence: 0, health: 0 },
    broadcast(event, payload, filter) {
      const frame = { type: 'event', event, payload };
      for (const c of this.connections.values()) if (!filter || filter(c)) c.send(frame);
    },
  };

  // Cron, heartbeat, nodes and the webhook channel live as long as the process, across in-process restarts.
  const { GatewaySubsystems } = await import('./hosted-subsystems.js');
  const subsystems = new GatewaySubsystems({ stateDir: settings.stateDir, getConfig: () => rt.settings.config, logger: fileLogger, webhookAuthLimit: routeAuthLimit(rt, 'webhook') });
  rt.subsystems = subsystems;

  let server: RunningServer;
  const listen = async () => {
    try {
      server = await startServer(rt);
    } catch (err) {
      if (err instanceof PortInUseError) {
        const msg = await portInUseMessage(err.host, err.port);
        glog.fileOnly('error', msg);
        throw new StartFailedError(msg, 1, 'Run `openclaw gateway status --deep` to see who holds it, or `openclaw gateway --force` to stop it.');
      }
      throw err;
    }
    const s = rt.settings;
    glog.info(`listening on ws://${s.host.includes(':') ? `[${s.host}]` : s.host}:${server.port} (PID ${process.pid})`);
    glog.info(`auth mode: ${s.authMode}; bind: ${s.bind}; config: ${s.configPath}; log file: ${fileLogger.file}`);
  };
  let restarting = false;
  const stopWatching = loaded.exists
    ? watchConfig(settings.configPath, glog, {
        current: () => rt.settings.config,
        mode: () => (((rt.settings.config.gateway as any)?.reload?.mode as ReloadMode) ?? 'hybrid'),
        applyHot: (next) => {
          rt.settings.config = next;
          subsystems.reconfigure(next);
        },
        restart: (next) => {
          if (restarting) return;
          restarting = true;
          void (async () => {
            try {
              const reloaded = { config: next, exists: true, raw: readConfigFile(rt.settings.configPath).exists ? (readConfigFile(rt.settings.configPath) as any).raw : undefined };
              const nextSettings = buildSettings(paths, reloaded, { ...opts, port: opts.port });
              if (!nextSettings.token && settings.token && nextSettings.authMode === 'token') nextSettings.token = settings.token;
              await server.stop('config change', 1500);
              rt.settings = nextSettings;
              fileLogger.setSecrets([nextSettings.token, nextSettings.password]);
              const nrl = rateLimitFromConfig((next.gateway as any)?.auth?.rateLimit);
              rt.authLimiter.update(nrl);
              rt.originLimiter.update({ ...nrl, exemptLoopback: false });
              rt.rateLimitExemptLoopback = nrl.exemptLoopback;
              subsystems.reconfigure(nextSettings.config);
              await listen();
              glog.info('gateway restarted in-process after config change');
            } catch (err) {
              glog.error(`gateway restart after config change failed: ${(err as Error).message}`);
              lock.release();
              process.exit(err instanceof StartFailedError ? err.exitCode : 1);
            } finally {
              restarting = false;
            }
          })();
        },
      }, (settings.config.gateway as any)?.reload?.debounceMs ?? 300)
    : () => undefined;

  // Signals are handled from here on, so a SIGTERM that races the first listen still shuts down cleanly.
  let resolveDone!: (code: number) => void;
  const done = new Promise<number>((r) => (resolveDone = r));
  let stopping = false;
  let ready: Promise<void> = Promise.resolve();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    glog.info(`received ${signal}; shutting down`);
    stopWatching();
    subsystems.stop();
    const hard = setTimeout(() => {
      lock.release();
      resolveDone(0);
    }, 3000);
    hard.unref();
    void ready
      .then(() => server.stop('gateway stopping'))
      .catch(() => undefined)
      .finally(() => {
        clearTimeout(hard);
        lock.release();
        glog.info('gateway stopped');
        fileLogger.close();
        resolveDone(0);
      });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  process.on('exit', () => lock.release());

  ready = listen();
  try {
    await ready;
  } catch (err) {
    stopWatching();
    subsystems.stop();
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    lock.release();
    throw err;
  }
  subsystems.start();
  if (loaded.exists) {
    try {
      promoteLastKnownGood(settings.configPath);
    } catch {
      /* best effort */
    }
  }
  return done;
}
