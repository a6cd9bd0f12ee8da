// `browser status|start|stop|profiles`: what each does for each kind of profile, with upstream's
// error strings. Used by the CLI directly and by the gateway's browser RPCs.
import type { JsonObject } from '../../config/load.js';
import type { SubsystemLog } from '../log.js';
import { listPages, probeCdp, type CdpProbe } from './cdp.js';
import { BrowserError, browserSettings, findProfile, pluginGate, resolveExecutable, resolveProfiles, UNKNOWN_COMMAND_BROWSER, validateCdpUrl, type BrowserProfile } from './config.js';
import { browserStatePath, forgetLaunched, isOurBrowser, killBrowser, launchBrowser, readLaunched, type LaunchedBrowser } from './launch.js';

export interface BrowserContext {
  stateDir: string;
  config: JsonObject;
  log: SubsystemLog;
  probeTimeoutMs?: number;
}

export interface ProfileStatus {
  profile: string;
  kind: BrowserProfile['kind'];
  cdpUrl?: string;
  running: boolean;
  /** Whether CDP answered: ok, or the error code that applies. */
  cdp: 'ok' | 'unreachable' | 'not-started' | 'ws-unreachable';
  pid?: number;
  browser?: string;
  tabs?: number;
  error?: { code: string; message: string };
  /** The state file of a browser we launched, and whether that browser is gone. */
  stateFile?: string;
  gone?: boolean;
}

/** Throws what the CLI shows before anything else: the plugin gate, a disabled browser, bad config. */
export function assertBrowserUsable(config: JsonObject): void {
  const gate = pluginGate(config);
  if (!gate.allowed) throw new BrowserError('plugin-excluded', UNKNOWN_COMMAND_BROWSER, true);
  if (!browserSettings(config).enabled) throw new BrowserError('disabled', 'the browser is disabled (browser.enabled: false)', true);
}

function unreachableError(p: BrowserProfile, url: string, probe: CdpProbe): BrowserError {
  if (p.kind === 'remote') return new BrowserError('remote-unreachable', `Remote CDP for profile "${p.name}" is not reachable at ${url}.`);
  if (probe.http && !probe.ws) return new BrowserError('cdp-ws-unreachable', `Browser attachOnly is enabled and CDP websocket for profile "${p.name}" is not reachable.`);
  return new BrowserError('attach-only-not-running', `Browser attachOnly is enabled and profile "${p.name}" is not running.`);
}

function attachUrl(p: BrowserProfile): string {
  if (p.cdpUrl) return validateCdpUrl(p.cdpUrl).toString().replace(/\/$/, '');
  return `http://127.0.0.1:${p.cdpPort ?? 9222}`;
}

export async function profileStatus(ctx: BrowserContext, name?: string): Promise<ProfileStatus> {
  assertBrowserUsable(ctx.config);
  const p = findProfile(ctx.config, name);
  if (p.cdpUrl) validateCdpUrl(p.cdpUrl);
  const timeout = ctx.probeTimeoutMs ?? 1500;
  if (p.kind !== 'managed') {
    const url = attachUrl(p);
    const probe = await probeCdp(url, timeout);
    const s: ProfileStatus = { profile: p.name, kind: p.kind, cdpUrl: url, running: probe.ws, cdp: probe.ws ? 'ok' : probe.http ? 'ws-unreachable' : 'unreachable', browser: probe.version?.Browser };
    if (!probe.ws) {
      const e = unreachableError(p, url, probe);
      s.error = { code: e.code, message: e.message };
    } else if (p.kind === 'existing-session') {
      s.tabs = (await listPages(url, timeout).catch(() => [])).length;
      if (!s.tabs) s.error = { code: 'no-tabs', message: `No Chrome tabs found for profile="${p.name}"` };
    }
    return s;
  }
  const launched = readLaunched(ctx.stateDir, p.name);
  if (!launched) return { profile: p.name, kind: p.kind, running: false, cdp: 'not-started' };
  const probe = await probeCdp(launched.cdpUrl, timeout);
  const alive = isOurBrowser(launched);
  const s: ProfileStatus = { profile: p.name, kind: p.kind, cdpUrl: launched.cdpUrl, pid: launched.pid, stateFile: browserStatePath(ctx.stateDir, p.name), gone: !alive, running: alive && probe.ws, cdp: probe.ws ? 'ok' : probe.http ? 'ws-unreachable' : 'unreachable', browser: probe.version?.Browser };
  if (probe.ws) s.tabs = (await listPages(launched.cdpUrl, timeout).catch(() => [])).length;
  else {
    s.error = {
      code: 'cdp-unreachable',
      message: `CDP for profile "${p.name}" is not reachable at ${launched.cdpUrl}${alive ? '' : ` (the browser started as pid ${launched.pid} is gone)`}: ${probe.error ?? 'no answer'}`,
    };
  }
  return s;
}

/** Starts the profile's browser (managed), or checks the one it attaches to; returns its status. */
export async function startProfile(ctx: BrowserContext, name?: string): Promise<ProfileStatus> {
  assertBrowserUsable(ctx.config);
  const p = findProfile(ctx.config, name);
  if (p.kind !== 'managed') {
    const s = await profileStatus(ctx, p.name);
    if (s.error) {
      ctx.log.error(s.error.message, { profile: p.name });
      throw new BrowserError(s.error.code as never, s.error.message);
    }
    return s;
  }
  const current = await profileStatus(ctx, p.name);
  if (current.running) return current;
  const previous = readLaunched(ctx.stateDir, p.name);
  if (previous) await cleanupLaunched(ctx, previous); // a dead or unreachable earlier launch
  const port = p.cdpUrl ? Number(validateCdpUrl(p.cdpUrl).port) || undefined : p.cdpPort;
  try {
    const executablePath = resolveExecutable(ctx.config);
    await launchBrowser({ stateDir: ctx.stateDir, profile: p.name, executablePath, port });
  } catch (err) {
    ctx.log.error((err as Error).message, { profile: p.name });
    throw err;
  }
  ctx.log.info(`browser: started profile "${p.name}"`, { profile: p.name });
  return profileStatus(ctx, p.name);
}

async function cleanupLaunched(ctx: BrowserContext, b: LaunchedBrowser): Promise<void> {
  if (isOurBrowser(b)) await killBrowser(b);
  else (await import('node:fs')).rmSync(b.userDataDir, { recursive: true, force: true });
  forgetLaunched(ctx.stateDir, b.profile);
}

/** Stops a managed browser we launched; attach-only and remote profiles have nothing to stop. */
export async function stopProfile(ctx: BrowserContext, name?: string): Promise<{ profile: string; stopped: boolean; pid?: number; note?: string }> {
  assertBrowserUsable(ctx.config);
  const p = findProfile(ctx.config, name);
  if (p.kind !== 'managed') return { profile: p.name, stopped: false, note: `profile "${p.name}" attaches to a browser it did not start; nothing to stop` };
  const launched = readLaunched(ctx.stateDir, p.name);
  if (!launched) return { profile: p.name, stopped: false, note: 'not running' };
  const wasAlive = isOurBrowser(launched);
  await cleanupLaunched(ctx, launched);
  return { profile: p.name, stopped: wasAlive, pid: launched.pid, note: wasAlive ? undefined : 'the recorded browser was already gone; state cleared' };
}

export interface ProfileSummary {
  name: string;
  kind: BrowserProfile['kind'];
  cdpUrl?: string;
  cdpPort?: number;
  attachOnly: boolean;
  default: boolean;
  launched?: { pid: number; port: number; alive: boolean };
}

/** The profiles and what we launched for them; no probes, so it is instant. */
export function listProfiles(ctx: BrowserContext): ProfileSummary[] {
  assertBrowserUsable(ctx.config);
  const def = browserSettings(ctx.config).defaultProfile;
  return resolveProfiles(ctx.config).map((p) => {
    const l = readLaunched(ctx.stateDir, p.name);
    return { name: p.name, kind: p.kind, cdpUrl: p.cdpUrl, cdpPort: p.cdpPort, attachOnly: p.attachOnly, default: p.name === def, launched: l ? { pid: l.pid, port: l.port, alive: isOurBrowser(l) } : undefined };
  });
}
