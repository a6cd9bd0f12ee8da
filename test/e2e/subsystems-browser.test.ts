// The browser commands against Debian's real Chromium: launch, reach, kill it and see the CDP
// failure, bad path, bad scheme, bad port, attach-only with nothing running, the plugin gate.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanEnv, runCli, tempDir } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
const dirs: string[] = [];
const pids = new Set<number>();

function killTree(pid: number) {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

function setup(config: Record<string, unknown>) {
  const stateDir = tempDir('oc-br-e2e-');
  dirs.push(stateDir);
  fs.writeFileSync(path.join(stateDir, 'openclaw.json'), JSON.stringify(config));
  const env = cleanEnv({ OPENCLAW_STATE_DIR: stateDir });
  const cli = (...args: string[]) => runCli(args, { env, timeoutMs: 40_000 });
  return { stateDir, cli };
}

function launched(stateDir: string, profile = 'openclaw'): { pid: number; port: number; userDataDir: string } | undefined {
  const f = path.join(stateDir, 'browser', `${profile}.json`);
  if (!fs.existsSync(f)) return undefined;
  const s = JSON.parse(fs.readFileSync(f, 'utf8'));
  pids.add(s.pid);
  dirs.push(s.userDataDir);
  return s;
}

afterEach(() => {
  for (const pid of pids) killTree(pid);
  pids.clear();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe.skipIf(!haveChromium)('openclaw browser with a real Chromium', () => {
  it('starts, reaches, reports, then sees CDP unreachable after the browser is killed, and stops', async () => {
    const { stateDir, cli } = setup({ browser: { executablePath: CHROMIUM } });
    const start = await cli('browser', 'start', '--json');
    const state = launched(stateDir);
    expect(start.stderr).toBe('');
    expect(start.code).toBe(0);
    const started = JSON.parse(start.stdout);
    expect(started).toMatchObject({ ok: true, profile: 'openclaw', running: true, cdp: 'ok' });
    expect(started.browser).toMatch(/Chrome/);
    expect(state?.pid).toBe(started.pid);

    // The CDP endpoint is real: /json/version answers on the recorded port.
    const version = (await (await fetch(`http://127.0.0.1:${state!.port}/json/version`)).json()) as { webSocketDebuggerUrl: string };
    expect(version.webSocketDebuggerUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/devtools\/browser\//);

    const status = await cli('browser', 'status', '--json');
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ running: true, cdp: 'ok', tabs: 1 });

    const profiles = JSON.parse((await cli('browser', 'profiles', '--json')).stdout);
    expect(profiles.profiles.find((p: { name: string }) => p.name === 'openclaw')).toMatchObject({ default: true, launched: { alive: true } });

    killTree(state!.pid);
    await new Promise((r) => setTimeout(r, 300));
    const dead = await cli('browser', 'status', '--json');
    expect(dead.code).toBe(1);
    expect(JSON.parse(dead.stdout)).toMatchObject({ running: false, cdp: 'unreachable', error: { code: 'cdp-unreachable' } });

    const stop = await cli('browser', 'stop', '--json');
    expect(JSON.parse(stop.stdout)).toMatchObject({ ok: true, stopped: false });
    expect(fs.existsSync(path.join(stateDir, 'browser', 'openclaw.json'))).toBe(false);
    expect(fs.existsSync(state!.userDataDir)).toBe(false);
  });

  it('stop kills the browser it started', async () => {
    const { stateDir, cli } = setup({ browser: { executablePath: CHROMIUM } });
    expect((await cli('browser', 'start')).code).toBe(0);
    const state = launched(stateDir)!;
    const stop = await cli('browser', 'stop');
    expect(stop.stdout).toContain(`openclaw: stopped (pid ${state.pid})`);
    expect(() => process.kill(state.pid, 0)).toThrow();
    await expect(fetch(`http://127.0.0.1:${state.port}/json/version`)).rejects.toThrow();
  });

  it('a launch that cannot open its CDP port fails with the upstream message', async () => {
    const { stateDir, cli } = setup({ browser: { executablePath: '/bin/true' } });
    const r = await cli('browser', 'start');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: Failed to start Chrome CDP on port \d+ for profile "openclaw"\./);
    expect(fs.existsSync(path.join(stateDir, 'browser', 'openclaw.json'))).toBe(false);
  });
});

describe('openclaw browser config errors', () => {
  it.each([
    ['bad executable path', { browser: { executablePath: '/opt/nowhere/chrome' } }, [], 78, 'browser.executablePath not found: /opt/nowhere/chrome'],
    ['bad scheme', { browser: { cdpUrl: 'ftp://127.0.0.1:9222', attachOnly: true } }, [], 78, 'browser.cdpUrl must be http(s) or ws(s), got: ftp:'],
    ['bad port', { browser: { cdpUrl: 'http://127.0.0.1:99999', attachOnly: true } }, [], 78, 'browser.cdpUrl has invalid port: 99999'],
    ['attach-only with nothing running', { browser: { attachOnly: true, cdpUrl: 'http://127.0.0.1:1' } }, [], 1, 'Browser attachOnly is enabled and profile "openclaw" is not running.'],
    ['plugin excluded', { plugins: { allow: ['memory'] } }, [], 2, 'unknown command "browser"'],
  ])('%s', async (_n, config, _args, code, message) => {
    const { cli } = setup(config);
    const r = await cli('browser', 'start');
    expect(r.stderr).toContain(`error: ${message}`);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.code).toBe(code);
  });
});

