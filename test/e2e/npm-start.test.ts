// The README promises `npm ci && npm start`: a real demo that breaks the gateway's config in
// seed-documented ways, shows the doctor finding and fixing each, then starts and probes the gateway.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { pidAlive } from '../../src/system/gateway-lock.js';
import { cleanEnv, repoRoot } from '../helpers/cli.js';

let scratch: string | undefined;
afterEach(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe('npm start', () => {
  it('finds and fixes each breakage, starts the gateway, probes it, and stops everything', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toBeTruthy();
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-start-'));
    scratch = home;
    const r = await execa('npm', ['start', '--silent'], {
      cwd: repoRoot,
      env: cleanEnv({ HOME: home, CI: 'true', NO_COLOR: '1', OPENCLAW_DEMO_KEEP: '1' }),
      extendEnv: false,
      reject: false,
      timeout: 90_000,
    });
    expect(r.exitCode, `${r.stdout}\n${r.stderr}`).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/Gateway start blocked[\s\S]*exit code 78/);
    for (const id of ['gateway/mode-unset', 'gateway/legacy-token-key', 'gateway/bind-without-auth', 'state/permissions', 'gateway/stale-lock']) {
      expect(out).toContain(`[${id}]`); // the doctor's finding, as printed
      expect(out).toContain(`✔ ${id}: found, fixed, verified`);
    }
    expect(out).toMatch(/Gateway ws:\/\/127\.0\.0\.1:\d+: reachable/);
    expect(out).toMatch(/✔ 8\/8 verified in \d+\.\d s/);

    // The repaired config is valid and has what the fixes wrote; no gateway is left running.
    const stateDir = /Scratch state dir: (\S+)/.exec(out)![1];
    scratch = path.dirname(stateDir);
    const config = JSON.parse(fs.readFileSync(path.join(stateDir, 'openclaw.json'), 'utf8'));
    expect(config.gateway).toMatchObject({ mode: 'local', bind: 'loopback', auth: { mode: 'token', token: expect.stringMatching(/^[0-9a-f]{48}$/) } });
    expect(config.gateway.token).toBeUndefined();
    expect(fs.statSync(stateDir).mode & 0o777).toBe(0o700);
    for (const m of out.matchAll(/pid (\d+)/g)) expect(pidAlive(Number(m[1])), `pid ${m[1]}`).toBe(false);
    fs.rmSync(home, { recursive: true, force: true });
  }, 120_000);
});
