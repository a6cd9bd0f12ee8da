// Launching and stopping a real Chromium for a managed profile. The browser runs detached in its own
// process group (it outlives `openclaw browser start`), with a CDP port from the OS and a throw-away
// user-data-dir; its pid and port are kept in `<stateDir>/browser/<profile>.json`.
import { lazyRequire } from '../../lazy-require.js';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pidAlive } from '../../system/gateway-lock.js';
import { readProcess } from '../../system/process-identity.js';
import { readJsonFile, writeJsonFile } from '../json-file.js';
import { BrowserError } from './config.js';
import { probeCdp, type CdpVersion } from './cdp.js';

// Loaded on first use: the doctor reaches this module on every run but rarely starts a process,
// and child_process brings dgram and the child-process internals with it (~0.5 ms).
const childProcess = lazyRequire<typeof import('node:child_process')>('node:child_process');

export const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface LaunchedBrowser {
  profile: string;
  pid: number;
  port: number;
  cdpUrl: string;
  wsUrl?: string;
  userDataDir: string;
  executablePath: string;
  startedAt: number;
  browser?: string;
}

export const browserStatePath = (stateDir: string, profile: string) => path.join(stateDir, 'browser', `${profile.replace(/[^A-Za-z0-9_-]/g, '_')}.json`);

export function readLaunched(stateDir: string, profile: string): LaunchedBrowser | undefined {
  try {
    return readJsonFile<LaunchedBrowser>(browserStatePath(stateDir, profile));
  } catch {
    return undefined;
  }
}

/** A port the OS just handed out (closed again; Chromium binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * True when the pid is alive and is the browser we launched: its command line (/proc, ps or
 * Win32_Process) names our user-data-dir. A pid whose command line cannot be read is not ours, so a
 * reused pid is never signalled.
 */
export function isOurBrowser(b: LaunchedBrowser): boolean {
  if (!pidAlive(b.pid)) return false;
  return readProcess(b.pid)?.argv.some((a) => a.includes(b.userDataDir)) ?? false;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

async function waitExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!pidAlive(pid)) return true;
    await sleep(50);
  }
  return !pidAlive(pid);
}

/** SIGTERM the browser's process group, SIGKILL after a grace period, remove its profile dir. */
export async function killBrowser(b: Pick<LaunchedBrowser, 'pid' | 'userDataDir'>, graceMs = 3000): Promise<void> {
  killGroup(b.pid, 'SIGTERM');
  if (!(await waitExit(b.pid, graceMs))) {
    killGroup(b.pid, 'SIGKILL');
    await waitExit(b.pid, 2000);
  }
  fs.rmSync(b.userDataDir, { recursive: true, force: true });
}

export interface LaunchOptions {
  stateDir: string;
  profile: string;
  executablePath: string;
  port?: number;
  /** How long Chromium may take to open its CDP port. */
  startTimeoutMs?: number;
}

/** Starts Chromium and waits until its CDP HTTP endpoint and WebSocket both answer. */
export async function launchBrowser(opts: LaunchOptions): Promise<LaunchedBrowser> {
  const port = opts.port ?? (await freePort());
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), `openclaw-browser-${opts.profile.replace(/[^A-Za-z0-9_-]/g, '_')}-`));
  const startFailed = () => new BrowserError('cdp-start-failed', `Failed to start Chrome CDP on port ${port} for profile "${opts.profile}".`);
  let child;
  try {
    child = childProcess().spawn(opts.executablePath, [...CHROME_FLAGS, '--remote-debugging-address=127.0.0.1', `--remote-debugging-port=${port}`, `--user-data-dir=${userDataDir}`, 'about:blank'], {
      detached: true,
      stdio: 'ignore',
      // Chromium keeps its singleton socket in a folder under TMPDIR, left behind when it is killed:
      // inside the profile folder it goes away with the profile.
      env: { ...process.env, TMPDIR: userDataDir },
    });
  } catch {
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw startFailed();
  }
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  let exited = false;
  child.once('exit', () => (exited = true));
  child.unref();
  const pid = child.pid;
  if (!pid) {
    await Promise.race([spawnError, sleep(100)]);
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw startFailed();
  }
  const b: LaunchedBrowser = { profile: opts.profile, pid, port, cdpUrl: `http://127.0.0.1:${port}`, userDataDir, executablePath: opts.executablePath, startedAt: Date.now() };

  // Chromium writes DevToolsActivePort only for --remote-debugging-port=0; with a fixed port, poll /json/version.
  const deadline = Date.now() + (opts.startTimeoutMs ?? 20_000);
  let probe = await probeCdp(b.cdpUrl, 1000);
  while (!probe.http) {
    if (exited || Date.now() > deadline) {
      await killBrowser(b, 500);
      throw startFailed();
    }
    await sleep(100);
    probe = await probeCdp(b.cdpUrl, 1000);
  }
  for (let i = 0; i < 10 && !probe.ws && !exited; i++) {
    await sleep(100);
    probe = await probeCdp(b.cdpUrl, 2000);
  }
  if (!probe.ws) {
    await killBrowser(b, 500);
    throw new BrowserError('cdp-ws-unreachable', `Chrome CDP websocket for profile "${opts.profile}" is not reachable after start.`);
  }
  b.wsUrl = probe.wsUrl;
  b.browser = (probe.version as CdpVersion | undefined)?.Browser;
  writeJsonFile(browserStatePath(opts.stateDir, opts.profile), b);
  return b;
}

export function forgetLaunched(stateDir: string, profile: string): void {
  fs.rmSync(browserStatePath(stateDir, profile), { force: true });
}
