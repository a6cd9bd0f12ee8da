// Browser profiles from `browser.*`, the `plugins.allow` gate, and the config errors upstream reports
// for a bad executable path or CDP URL (exact wording, reference §5).
import fs from 'node:fs';
import type { JsonObject } from '../../config/load.js';
import { isLoopbackHost } from '../../system/loopback.js';
import { objectAt } from '../context.js';

export type BrowserErrorCode =
  | 'plugin-excluded'
  | 'disabled'
  | 'unknown-profile'
  | 'executable-missing'
  | 'cdp-url-invalid'
  | 'cdp-start-failed'
  | 'cdp-ws-unreachable'
  | 'cdp-unreachable'
  | 'remote-unreachable'
  | 'attach-only-not-running'
  | 'no-tabs'
  | 'not-running';

export class BrowserError extends Error {
  constructor(
    readonly code: BrowserErrorCode,
    message: string,
    /** A config problem (exit 78 from the CLI) rather than a runtime failure. */
    readonly configError = false,
  ) {
    super(message);
    this.name = 'BrowserError';
  }
}

export const DEFAULT_PROFILE = 'openclaw';
export const USER_PROFILE = 'user';
export const DEFAULT_USER_CDP_URL = 'http://127.0.0.1:9222';
export const CHROME_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * managed: we launch Chromium (on `cdpPort` or a free port). attach: a loopback CDP we never launch
 * (`attachOnly`). remote: a CDP URL on another host. existing-session: the user's own Chrome (`user`).
 */
export type ProfileKind = 'managed' | 'attach' | 'remote' | 'existing-session';

export interface BrowserProfile {
  name: string;
  kind: ProfileKind;
  cdpUrl?: string;
  cdpPort?: number;
  attachOnly: boolean;
  /** The config path the profile's settings come from (for messages and findings). */
  configPath: string;
}

/** `unknown command "browser"` is what users see when plugins.allow leaves the bundled plugin out. */
export function pluginGate(config: JsonObject): { allowed: true } | { allowed: false; why: string } {
  const plugins = objectAt(config.plugins);
  if (Array.isArray(plugins.allow) && !plugins.allow.includes('browser')) return { allowed: false, why: 'plugins.allow is set and does not include "browser"' };
  if (Array.isArray(plugins.deny) && plugins.deny.includes('browser')) return { allowed: false, why: 'plugins.deny includes "browser"' };
  return { allowed: true };
}

export const UNKNOWN_COMMAND_BROWSER = 'unknown command "browser"';

/** Validates a CDP URL with upstream's messages; returns the URL normalised. */
export function validateCdpUrl(raw: string): URL {
  const proto = /^([A-Za-z][A-Za-z0-9+.-]*:)/.exec(raw.trim())?.[1]?.toLowerCase();
  if (!proto || !['http:', 'https:', 'ws:', 'wss:'].includes(proto)) {
    throw new BrowserError('cdp-url-invalid', `browser.cdpUrl must be http(s) or ws(s), got: ${proto ?? raw.trim()}`, true);
  }
  // Read the port ourselves: URL() rejects 70000 with a generic error and accepts 0.
  const port = /^[a-z]+:\/\/(?:[^@/]*@)?(?:\[[^\]]*\]|[^:/?#]*):([^/?#]*)/i.exec(raw.trim())?.[1];
  if (port !== undefined && (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535)) {
    throw new BrowserError('cdp-url-invalid', `browser.cdpUrl has invalid port: ${port}`, true);
  }
  try {
    return new URL(raw.trim());
  } catch {
    throw new BrowserError('cdp-url-invalid', `browser.cdpUrl is not a valid URL: ${raw}`, true);
  }
}

export function browserSettings(config: JsonObject) {
  const b = objectAt(config.browser);
  return {
    enabled: b.enabled !== false,
    executablePath: typeof b.executablePath === 'string' && b.executablePath ? b.executablePath : undefined,
    defaultProfile: typeof b.defaultProfile === 'string' && b.defaultProfile ? b.defaultProfile : DEFAULT_PROFILE,
    headless: b.headless !== false,
    raw: b,
  };
}

/** Every profile: the built-in `openclaw` (managed) and `user` (existing session), then `browser.profiles`. */
export function resolveProfiles(config: JsonObject): BrowserProfile[] {
  const b = objectAt(config.browser);
  const fromConfig = objectAt(b.profiles);
  const names = [...new Set([DEFAULT_PROFILE, USER_PROFILE, ...Object.keys(fromConfig)])];
  const defaultName = browserSettings(config).defaultProfile;
  return names.map((name) => {
    const p = objectAt(fromConfig[name]);
    const inherits = name === defaultName; // top-level cdpUrl/attachOnly apply to the default profile
    const cdpUrl = (p.cdpUrl as string | undefined) ?? (inherits ? (b.cdpUrl as string | undefined) : undefined) ?? (name === USER_PROFILE ? DEFAULT_USER_CDP_URL : undefined);
    const attachOnly = Boolean(p.attachOnly ?? (inherits ? b.attachOnly : undefined) ?? false);
    const cdpPort = typeof p.cdpPort === 'number' ? p.cdpPort : undefined;
    let kind: ProfileKind = 'managed';
    if (name === USER_PROFILE || p.driver === 'existing-session') kind = 'existing-session';
    else if (cdpUrl && !isLoopbackHost(hostOf(cdpUrl))) kind = 'remote';
    else if (attachOnly) kind = 'attach';
    const configPath = Object.hasOwn(fromConfig, name) ? `browser.profiles.${name}` : 'browser';
    return { name, kind, cdpUrl, cdpPort, attachOnly: attachOnly || kind !== 'managed', configPath };
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return 'localhost'; // validation reports the bad URL later
  }
}

export function findProfile(config: JsonObject, name?: string): BrowserProfile {
  const wanted = name ?? browserSettings(config).defaultProfile;
  const p = resolveProfiles(config).find((x) => x.name === wanted);
  if (!p) throw new BrowserError('unknown-profile', `unknown browser profile "${wanted}" (known: ${resolveProfiles(config).map((x) => x.name).join(', ')})`, true);
  return p;
}

/** The Chromium to launch: `browser.executablePath` (must exist) or the first one installed. */
export function resolveExecutable(config: JsonObject): string {
  const configured = browserSettings(config).executablePath;
  if (configured) {
    if (!fs.existsSync(configured)) throw new BrowserError('executable-missing', `browser.executablePath not found: ${configured}`, true);
    return configured;
  }
  const found = CHROME_CANDIDATES.find((c) => fs.existsSync(c));
  if (!found) throw new BrowserError('executable-missing', `no Chrome or Chromium found (looked at ${CHROME_CANDIDATES.join(', ')}); set browser.executablePath`, true);
  return found;
}

/** Every config error the doctor and `browser status` report before touching a process. */
export function configProblems(config: JsonObject): BrowserError[] {
  const out: BrowserError[] = [];
  const b = objectAt(config.browser);
  const urls: string[] = [];
  if (typeof b.cdpUrl === 'string') urls.push(b.cdpUrl);
  for (const p of Object.values(objectAt(b.profiles))) if (typeof objectAt(p).cdpUrl === 'string') urls.push(objectAt(p).cdpUrl as string);
  for (const u of urls) {
    try {
      validateCdpUrl(u);
    } catch (err) {
      out.push(err as BrowserError);
    }
  }
  try {
    resolveExecutable(config);
  } catch (err) {
    out.push(err as BrowserError);
  }
  return out;
}
