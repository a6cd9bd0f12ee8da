// The `services` fact: the gateway service installed for this profile, read back from its
// definition, what config/port/token it would use next to what the CLI uses, the manager's
// availability and runtime state, the service's error log evidence, and (--deep) every other
// gateway-like definition on the machine. Checks read only this; they never touch the files.
import fs from 'node:fs';
import path from 'node:path';
import { readConfigFile } from '../config/load.js';
import type { ResolvedPaths, Sourced } from '../config/paths.js';
import { stateLayout } from '../config/paths.js';
import { redactText } from '../config/redact.js';
import { resolvePort } from '../config/gateway-settings.js';
import { defaultServiceDirs, type ServiceDefinition, type ServiceDirs, type ServiceKind } from '../service/definition.js';
import { managerFor, targetOf } from '../service/lifecycle.js';
import type { Availability, RuntimeState, ServiceManager } from '../service/manager.js';
import { readDefinitionFile, scanGatewayServices } from '../service/read.js';
import { servicePaths } from '../service/service-paths.js';
import type { Fact } from './fact.js';

/** What one config file says about the gateway (secrets raw: evidence built from them must redact). */
export interface ConfigView {
  path: string;
  exists: boolean;
  /** gateway.auth.token after `${ENV}` substitution. */
  token?: string;
  port: Sourced<number>;
  /** Set when the file exists but cannot be read or parsed. */
  error?: string;
}

export interface InstalledService {
  definition: ServiceDefinition;
  /** The paths the service resolves from its own environment and HOME. */
  paths: ResolvedPaths;
  /** The config the service would read (same as `cli` when there is no drift). */
  config: ConfigView;
  /** The port the service listens on: its --port, else its env, else its config. */
  port: Sourced<number>;
  /** OPENCLAW_GATEWAY_TOKEN baked into the definition. */
  token?: string;
}

export interface OtherService {
  kind: ServiceKind;
  name: string;
  file: string;
  scope: 'user' | 'system';
  port?: number;
  /** The config it resolves by OpenClaw's rules; unknown for legacy products, which had their own. */
  configPath?: string;
  /** A former name of the product (clawdbot, moltbot). */
  legacy: boolean;
}

export interface ErrorLogEvidence {
  file: string;
  /** Port-conflict lines (EADDRINUSE, "already listening") in the log tail, oldest first. */
  addressInUse: string[];
}

export interface ServicesFact {
  kind: ServiceKind;
  /** The name and file the definition for this profile has (or would have). */
  expected: { name: string; file: string };
  cli: { paths: ResolvedPaths; config: ConfigView };
  installed?: InstalledService;
  /** The definition exists but could not be read. */
  readError?: string;
  /** Absent when the manager was not asked (fixtures, bundles). */
  availability?: Availability;
  runtime?: RuntimeState;
  deep: boolean;
  /** --deep: other gateway-like definitions, excluding the installed one. */
  others?: OtherService[];
  errorLog?: ErrorLogEvidence;
}

export interface ServicesCollectOptions {
  paths: ResolvedPaths;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  dirs?: ServiceDirs;
  deep?: boolean;
  /** The manager to ask for availability and runtime; `false` skips asking (fixtures). */
  manager?: ServiceManager | false;
}

const LOG_TAIL_BYTES = 64 * 1024;
const ADDRESS_IN_USE = /EADDRINUSE|address already in use|another gateway instance is already listening/i;

export function readConfigView(file: string, env: NodeJS.ProcessEnv, defaultPort: number): ConfigView {
  try {
    const r = readConfigFile(file);
    const cfg = r.exists ? (r.resolved as Record<string, any>) : undefined;
    const token = cfg?.gateway?.auth?.token;
    return { path: file, exists: r.exists, token: typeof token === 'string' && token ? token : undefined, port: resolvePort(cfg, {}, env, defaultPort) };
  } catch (err) {
    return { path: file, exists: true, port: { value: defaultPort, source: 'default' }, error: (err as Error).message };
  }
}

/** The last `bytes` of a file, from its first whole line; undefined when it cannot be read. */
export function tail(file: string, bytes: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    const start = Math.max(0, size - bytes);
    const buf = Buffer.alloc(size - start);
    fs.readSync(fd, buf, 0, buf.length, start);
    const text = buf.toString('utf8');
    return start > 0 ? text.slice(text.indexOf('\n') + 1) : text;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Port-conflict lines from the tail of the service's error log, with known secrets scrubbed. */
export function readErrorLog(stateDir: string, secrets: string[] = []): ErrorLogEvidence | undefined {
  const file = stateLayout(stateDir).gatewayErrLog;
  const text = tail(file, LOG_TAIL_BYTES);
  if (text === undefined) return undefined;
  return { file, addressInUse: text.split('\n').filter((l) => ADDRESS_IN_USE.test(l)).map((l) => redactText(l.trim(), secrets).slice(0, 300)) };
}

function installedService(def: ServiceDefinition, home: string): InstalledService {
  const paths = servicePaths(def, home);
  // The service's environment, as the gateway would see it: only what the definition sets.
  const env: NodeJS.ProcessEnv = { HOME: home, ...def.env };
  const config = readConfigView(paths.configPath.value, env, paths.defaultPort);
  const port: Sourced<number> = def.port !== undefined ? { value: def.port, source: 'flag', from: '--port' } : config.port;
  return { definition: def, paths, config, port, token: def.env.OPENCLAW_GATEWAY_TOKEN || undefined };
}

const LEGACY = /(clawdbot|moltbot)/i;

function isLegacy(def: ServiceDefinition): boolean {
  return LEGACY.test(def.name) || def.programArguments.some((a) => LEGACY.test(a));
}

export async function collectServices(opts: ServicesCollectOptions): Promise<Fact<ServicesFact>> {
  const started = Date.now();
  const { env, kind, dirs, name, file } = targetOf(opts);
  const home = env.HOME || opts.paths.home.value;
  const cliConfig = readConfigView(opts.paths.configPath.value, env, opts.paths.defaultPort);
  const fact: ServicesFact = { kind, expected: { name, file }, cli: { paths: opts.paths, config: cliConfig }, deep: Boolean(opts.deep) };

  if (fs.existsSync(file)) {
    try {
      fact.installed = installedService(await readDefinitionFile(kind, file, home), home);
    } catch (err) {
      fact.readError = `${file}: ${(err as Error).message}`;
    }
  }
  const secrets = [cliConfig.token, fact.installed?.token, fact.installed?.config.token].filter((t): t is string => Boolean(t));
  fact.errorLog = readErrorLog((fact.installed?.paths ?? opts.paths).stateDir.value, secrets);

  if (opts.manager !== false) {
    // The checks need the verdict, not every precondition: no systemctl process where systemd is not PID 1.
    const manager = opts.manager ?? managerFor(kind, env, fact.installed?.port.value, { askBusWhenNotBooted: false });
    fact.availability = await manager.available();
    if (fact.availability.ok && fact.installed) fact.runtime = await manager.runtime(name, file);
  }

  if (opts.deep) {
    fact.others = (await scanGatewayServices(kind, dirs, home))
      .filter((f) => f.definition.file !== file)
      .map(({ definition, scope }) => ({
        kind,
        name: definition.name,
        file: definition.file,
        scope,
        port: definition.port ?? (definition.env.OPENCLAW_GATEWAY_PORT ? Number(definition.env.OPENCLAW_GATEWAY_PORT) : undefined),
        legacy: isLegacy(definition),
        configPath: isLegacy(definition) ? undefined : servicePaths(definition, home).configPath.value,
      }));
  }
  return { ok: true, value: fact, ms: Date.now() - started };
}

/**
 * What a fixture records about the service manager (the live part of this fact): its availability
 * and the unit's runtime. The definitions themselves are read from the fixture's files, so a
 * doctor --fix that rewrites them is verified against the rewritten file.
 */
export interface RecordedServiceManager {
  availability?: Availability;
  runtime?: RuntimeState;
  /** --deep: the machine's other unit directories, relative to the fixture root (default: none). */
  systemDirs?: string[];
}

/**
 * The doctor's `services` collector. With recorded facts (fixtures, bundles): `services.json` in
 * that directory stands for the service manager and definitions come from the files under HOME;
 * without the file the fact is unavailable, as for every other recorded fact.
 */
export async function collectServicesFact(opts: { paths: ResolvedPaths; env: NodeJS.ProcessEnv; deep?: boolean; recordedDir?: string }): Promise<Fact<ServicesFact>> {
  if (!opts.recordedDir) return collectServices(opts);
  let recorded: RecordedServiceManager;
  try {
    recorded = JSON.parse(fs.readFileSync(path.join(opts.recordedDir, 'services.json'), 'utf8')) as RecordedServiceManager;
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, reason: missing ? `not recorded in ${opts.recordedDir}` : `services.json: ${(err as Error).message}` };
  }
  // The recording stands for the whole machine: --deep never scans this machine's system dirs.
  const dirs = defaultServiceDirs(opts.paths, opts.env);
  const systemDirs = (recorded.systemDirs ?? []).map((d) => path.resolve(opts.recordedDir!, '..', d));
  const fact = await collectServices({ ...opts, dirs: { ...dirs, systemdOther: systemDirs, launchOther: systemDirs }, manager: false });
  if (fact.ok) {
    fact.value.availability = recorded.availability;
    if (fact.value.installed && (recorded.availability?.ok ?? true)) fact.value.runtime = recorded.runtime;
  }
  return fact;
}
