// browser/cdp-unreachable against a real headless Chromium: reachable while it runs (GET
// /json/version, then its WebSocket opens), a finding once it is gone. Skipped without Chromium.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import cdpUnreachable from '../../checks/browser/cdp-unreachable.js';
import { resolvePaths } from '../../src/config/paths.js';
import { runDoctor } from '../../src/engine/doctor.js';

const chromium = ['chromium', 'chromium-browser', 'google-chrome'].find((b) => spawnSync('sh', ['-c', `command -v ${b}`]).status === 0);

describe.skipIf(!chromium)('CDP probe against a real Chromium', () => {
  let child: ChildProcess;
  let root: string;
  let port: number;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'doctor-cdp-'));
    child = spawn(chromium!, ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-breakpad', '--disable-crash-reporter', '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', `--user-data-dir=${path.join(root, 'profile')}`, 'about:blank'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
      env: { ...process.env, HOME: root, TMPDIR: root }, // keep its caches, crash reports and singleton socket in the temp dir
    });
    port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Chromium did not print its DevTools URL within 20 s')), 20_000);
      let seen = '';
      child.stderr!.on('data', (d) => {
        seen += String(d);
        const m = /DevTools listening on ws:\/\/127\.0\.0\.1:(\d+)\//.exec(seen);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
    });
  }, 30_000);

  /** Kills the browser and its helpers (its own process group) and waits, at most 5 s, for the exit. */
  async function stopChromium() {
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }

  afterAll(async () => {
    await stopChromium();
    fs.rmSync(root, { recursive: true, force: true });
  });

  function machine(cdpUrl: string) {
    const stateDir = path.join(root, `state-${Math.random().toString(36).slice(2)}`);
    fs.mkdirSync(stateDir, { mode: 0o700 });
    fs.writeFileSync(path.join(stateDir, 'openclaw.json'), JSON.stringify({ gateway: { mode: 'local' }, browser: { cdpUrl } }), { mode: 0o600 });
    const env = { OPENCLAW_STATE_DIR: stateDir, HOME: root, OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR: process.env.OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR };
    return { checks: [cdpUnreachable], paths: resolvePaths({ env }), env, timeoutMs: 1500, tmpdir: root };
  }

  it('finds nothing while Chromium answers, and the WebSocket really opened', async () => {
    const run = await runDoctor(machine(`http://127.0.0.1:${port}`));
    expect(run.facts.cdp).toMatchObject({ ok: true, value: { probed: true, httpOk: true, wsOk: true, browser: expect.stringMatching(/Chrome|Chromium/) } });
    expect(run.findings).toEqual([]);
  });

  it('reports it unreachable once Chromium is gone', async () => {
    await stopChromium();
    const run = await runDoctor(machine(`http://127.0.0.1:${port}`));
    expect(run.findings).toEqual([expect.objectContaining({ checkId: 'browser/cdp-unreachable', message: expect.stringContaining(`http://127.0.0.1:${port}`) })]);
  });
});
