// Collects the facts a run needs, once, in parallel, each under its own timeout. A collector that
// fails or runs out of time yields `unavailable` with the reason; it never stops the run.
// Collectors are imported statically: a full run needs them all, and in the bundle they then load
// as a few files instead of a dozen. The gateway probe too: it waits on the network, so it starts
// first and its handshake runs while the file-reading collectors use the CPU. What is heavy and
// rare stays lazy: the port-holder lookup (execa).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collectSecrets } from '../config/redact.js';
import { collectCdp } from './cdp.js';
import { collectConfig, type ConfigFact } from './config.js';
import type { CollectContext, CollectOptions } from './context.js';
import { gatewayTarget, probeOptions } from './gateway.js';
import { collectLock } from './lock.js';
import { collectLogs } from './logs.js';
import { logWindow } from './log-window.js';
import type { InstanceIdentity } from '../logs/attribution.js';
import { collectPorts } from './ports.js';
import { collectState } from './state.js';
import { collectDevices } from './stores.js';
import { collectSystem } from './system.js';
import { collectDisk } from './system-disk.js';
import { collectMemory } from './system-memory.js';
import { collectVirt } from './system-virt.js';
import { probeGateway } from '../client/probe.js';
import { catalogScanner, dateMatches } from './log-signatures.js';
import { collectServicesFact } from './services.js';
import { collectBrowserFact } from './browser.js';
import { collectChannelsFact } from './channels.js';
import { collectCronFact } from './cron.js';
import { collectHeartbeatFact } from './heartbeat.js';
import { collectModelsFact } from './models.js';
import { collectNodesFact } from './nodes.js';
import { upstreamLogDir } from '../logs/upstream-dir.js';
import type { Fact, FactMap, FactName, Facts } from './types.js';
import { monotonicMs } from '../system/clock.js';

type Collector<K extends FactName> = (ctx: CollectContext) => FactMap[K] | Promise<FactMap[K]>;

const cfgOf = (ctx: CollectContext) => ctx.config().resolved as Record<string, any> | undefined;

/** Collectors from other layers return a Fact already; the table wants the value or a throw. */
async function unwrap<T>(fact: Fact<T> | Promise<Fact<T>>): Promise<T> {
  const f = await fact;
  if (!f.ok) throw new Error(f.reason);
  return f.value;
}

/** What the subsystem collectors read: the state dir and the resolved config. */
const subsystemInput = (ctx: CollectContext) => ({ stateDir: ctx.paths.stateDir.value, config: (cfgOf(ctx) ?? {}) as Record<string, unknown> });

/** This install as its log lines name it: the configured port and the running gateway's, paths, profile, pid, host. */
function identityOf(ctx: CollectContext, lock: FactMap['lock'] | undefined): InstanceIdentity {
  const ports = [gatewayTarget(ctx.config()).port];
  const held = lock?.state === 'held' ? lock : undefined;
  const flag = held?.ownerCommand && /--port[= ](\d+)/.exec(held.ownerCommand);
  if (flag) ports.push(Number(flag[1]));
  return { ports, configPath: ctx.paths.configPath.value, stateDir: ctx.paths.stateDir.value, profile: ctx.paths.profile?.value, pid: held?.lock.pid, hostname: os.hostname() };
}

const collectors: { [K in FactName]: Collector<K> } = {
  config: (ctx) => ctx.config(),
  state: (ctx) => collectState(ctx.paths.stateDir.value, ctx.paths.configPath.value),
  // Read once a run: the logs' window and the memory fact ask for it too, and naming the lock's
  // owner reads /proc (≈1.5 ms).
  lock: (ctx) => memo(ctx, 'lock', async () => collectLock(ctx.paths.configPath.value, ctx.tmpdir, ctx.paths.stateDir.value)),
  gateway: (ctx) => memo(ctx, 'gateway', async () => (ctx.probe ?? probeGateway)(probeOptions(ctx.config(), ctx.env, ctx.paths.stateDir.value, ctx.timeoutMs, ctx.deep))),
  ports: (ctx) => {
    const { host, port } = gatewayTarget(ctx.config());
    return collectPorts(port, host, {
      timeoutMs: ctx.timeoutMs,
      deep: ctx.deep,
      gatewayAnswered: async () => (ctx.recordedDir ? false : ((await collectors.gateway(ctx)) as FactMap['gateway']).ok),
    });
  },
  logs: (ctx) =>
    memo(ctx, 'logs', async () => {
      const lockFact = await collectFact(ctx, 'lock');
      const lock = lockFact.ok ? lockFact.value : undefined;
      const logs = collectLogs(
        {
          stateDir: ctx.paths.stateDir.value,
          upstreamDir: ctx.recordedDir ? undefined : (ctx.upstreamLogDir ?? upstreamLogDir(ctx.env)),
          configuredFile: typeof cfgOf(ctx)?.logging?.file === 'string' ? cfgOf(ctx)!.logging.file : undefined,
          identity: identityOf(ctx, lock),
          recorded: Boolean(ctx.recordedDir),
        },
        collectSecrets(ctx.config().resolved ?? {}),
      );
      const where = { configPath: ctx.paths.configPath.value, stateDir: ctx.paths.stateDir.value };
      return { ...logs, window: logWindow({ since: ctx.logsSince, now: Date.now(), lock, recorded: Boolean(ctx.recordedDir), ...where }) };
    }),
  logSignatures: async (ctx) => {
    const logs = (await collectors.logs(ctx)) as FactMap['logs'];
    const scan = ctx.scanner ?? (await catalogScanner());
    const matches = dateMatches(await scan(logs.lines), logs.files);
    return { matches, ...(logs.skipped?.length ? { skipped: logs.skipped } : {}), ...(logs.window ? { window: logs.window } : {}) };
  },
  cdp: (ctx) => collectCdp(cfgOf(ctx)?.browser?.cdpUrl, Math.min(ctx.timeoutMs, 800)),
  system: () => collectSystem(),
  disk: (ctx) => collectDisk(ctx.paths.stateDir.value),
  memory: async (ctx) => {
    const lock = (await collectors.lock(ctx)) as FactMap['lock'];
    return collectMemory(lock.state === 'held' ? lock.lock.pid : undefined);
  },
  virt: (ctx) => collectVirt(ctx.env),
  devices: (ctx) => collectDevices(ctx.paths.stateDir.value),
  services: (ctx) => unwrap(collectServicesFact(ctx)),
  cron: (ctx) => unwrap(collectCronFact(subsystemInput(ctx))),
  heartbeat: (ctx) => unwrap(collectHeartbeatFact(subsystemInput(ctx))),
  channels: (ctx) => unwrap(collectChannelsFact(subsystemInput(ctx))),
  nodes: (ctx) => unwrap(collectNodesFact(subsystemInput(ctx))),
  browser: (ctx) => unwrap(collectBrowserFact({ ...subsystemInput(ctx), probe: !ctx.recordedDir, probeTimeoutMs: Math.min(ctx.timeoutMs, 800) })),
  remote: async (ctx) => {
    if (!ctx.remote) throw new Error('no remote gateway named (doctor --remote URL or --targets FILE)');
    const { probeRemote } = await import('../client/remote-probe.js'); // only remote runs load it
    return probeRemote(ctx.remote, { timeoutMs: ctx.timeoutMs, stateDir: ctx.paths.stateDir.value, version: ctx.clientVersion });
  },
  models: (ctx) => unwrap(collectModelsFact({ config: subsystemInput(ctx).config, offline: Boolean(ctx.recordedDir), timeoutMs: Math.min(ctx.timeoutMs, 1500) })),
};

/** Facts that describe the live machine rather than files: a fixture records them instead. */
const RECORDED_FILE: Partial<Record<FactName, string>> = {
  gateway: 'probe.json',
  ports: 'ports.json',
  lock: 'lock.json',
  system: 'system.json',
  disk: 'disk.json',
  memory: 'memory.json',
  virt: 'virt.json',
  cdp: 'cdp.json',
};

export const FACT_NAMES = Object.keys(collectors) as FactName[];

const NETWORK_FIRST = new Set<FactName>(['gateway', 'cdp', 'browser', 'remote']);

function memo<T>(ctx: CollectContext, key: string, make: () => Promise<T>): Promise<T> {
  let p = ctx.memo.get(key) as Promise<T> | undefined;
  if (!p) {
    p = make();
    ctx.memo.set(key, p);
  }
  return p;
}

export function createContext(opts: CollectOptions): CollectContext {
  let config: ConfigFact | undefined;
  return {
    ...opts,
    memo: new Map(),
    config: () => (config ??= collectConfig(opts.paths, opts.env)),
  };
}

function recorded(ctx: CollectContext, name: FactName): Fact<unknown> | undefined {
  const file = ctx.recordedDir && RECORDED_FILE[name];
  if (!file) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(path.join(ctx.recordedDir!, file), 'utf8');
  } catch {
    return { ok: false, reason: `not recorded in ${ctx.recordedDir}` };
  }
  try {
    const value = JSON.parse(text);
    if (value && value.ok === false && typeof value.reason === 'string' && !('connect' in value)) return value as Fact<unknown>;
    return { ok: true, value };
  } catch (err) {
    return { ok: false, reason: `${file} is not valid JSON: ${(err as Error).message}` };
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

export async function collectFact<K extends FactName>(ctx: CollectContext, name: K): Promise<Fact<FactMap[K]>> {
  const started = monotonicMs();
  const rec = recorded(ctx, name);
  if (rec) return rec as Fact<FactMap[K]>;
  try {
    // The probe gets the whole budget plus a margin to report its own timeout; the port lookup may
    // wait for the probe (to skip ss/lsof when the gateway answers) and then run them.
    const budget = name === 'gateway' || name === 'remote' ? ctx.timeoutMs + 500 : name === 'ports' ? ctx.timeoutMs + 2000 : ctx.timeoutMs;
    const value = await withTimeout(Promise.resolve().then(() => collectors[name](ctx)), budget, name);
    return { ok: true, value, ms: Math.round(monotonicMs() - started) };
  } catch (err) {
    return { ok: false, reason: (err as Error)?.message ?? String(err), ms: Math.round(monotonicMs() - started) };
  }
}

export async function collectFacts(ctx: CollectContext, names: Iterable<FactName>): Promise<Facts> {
  // Facts that wait on the network start first, so their waits overlap the others' work.
  const unique = [...new Set(names)].sort((a, b) => Number(NETWORK_FIRST.has(b)) - Number(NETWORK_FIRST.has(a)));
  // A check may ask for a fact whose collector is not in this build yet: say so, do not guess.
  const results = await Promise.all(unique.map((n) => (n in collectors ? collectFact(ctx, n) : Promise.resolve({ ok: false as const, reason: `no collector for "${n}" in this build` }))));
  const facts: Facts = {};
  unique.forEach((n, i) => ((facts as Record<string, unknown>)[n] = results[i]));
  return facts;
}
