// The systemctl --user driver on the success paths this container cannot reach for real (it has no
// user bus): a recording `systemctl` on PATH stands in for systemd, so these tests check the
// commands we send and how we read the answers, not systemd itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import restartLoop from '../../checks/service/restart-loop.js';
import { resolvePaths } from '../../src/config/paths.js';
import { collectServices } from '../../src/facts/services.js';
import { installService } from '../../src/service/lifecycle.js';
import { probeSystemd, systemdManager } from '../../src/service/systemd-manager.js';
import { fixtureDirs, fixtureEnv } from './service-fixtures.js';

let tmp: string;
let env: Record<string, string>;
let marker: string;

const FAKE = `#!/bin/sh
echo "$*" >> "$SYSTEMCTL_LOG"
case "$*" in
  *show-environment*) [ -n "$HANG" ] && exec sleep 10; echo HOME=/x ;;
  *" show "*) printf 'ActiveState=activating\\nSubState=auto-restart\\nMainPID=0\\nNRestarts=12\\nExecMainStatus=1\\n' ;;
  *restart*) if [ -n "$FAIL_RESTART" ]; then echo "Job for openclaw-gateway.service failed." >&2; exit 1; fi ;;
esac
exit 0
`;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-svc-ctl-'));
  const bin = path.join(tmp, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'systemctl'), FAKE, { mode: 0o755 });
  marker = fs.mkdtempSync(path.join(tmp, 'run-systemd-system-'));
  env = { ...fixtureEnv(tmp), PATH: `${bin}:/usr/bin:/bin`, SYSTEMCTL_LOG: path.join(tmp, 'calls.log') };
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const calls = () => fs.readFileSync(env.SYSTEMCTL_LOG, 'utf8').trim().split('\n');

function setup(fixture = 'service-none') {
  fs.cpSync(path.resolve('fixtures', fixture), tmp, { recursive: true });
  return { paths: resolvePaths({ env }), dirs: fixtureDirs(tmp) };
}

describe('systemd driver', () => {
  it('install: daemon-reload, enable, restart, in that order', async () => {
    const { paths, dirs } = setup();
    const r = await installService({ paths, env, dirs, platform: 'linux', manager: systemdManager({ env, bootedMarker: marker }) });
    expect(r).toMatchObject({ ok: true, activated: true, written: true });
    expect(r.message).toMatch(/openclaw-gateway\.service is enabled and started$/);
    expect(calls()).toEqual(['--user show-environment', '--user daemon-reload', '--user enable openclaw-gateway.service', '--user restart openclaw-gateway.service']);
  });

  it('install: a failing step is named with its stderr', async () => {
    const { paths, dirs } = setup();
    const r = await installService({ paths, env: { ...env, FAIL_RESTART: '1' }, dirs, platform: 'linux', manager: systemdManager({ env: { ...env, FAIL_RESTART: '1' }, bootedMarker: marker }) });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/`systemctl --user restart openclaw-gateway\.service` failed: Job for openclaw-gateway\.service failed\./);
  });

  it('runtime: NRestarts feeds the restart-loop check', async () => {
    const { paths, dirs } = setup('service-restart-once');
    const fact = await collectServices({ paths, env, dirs, platform: 'linux', manager: systemdManager({ env, bootedMarker: marker }) });
    expect(fact.ok && fact.value.runtime).toEqual({ state: 'activating', detail: 'auto-restart', pid: undefined, restarts: 12, lastExitStatus: 1 });
    expect(restartLoop.detect({ services: fact }).map((f) => f.message)).toEqual([expect.stringMatching(/NRestarts=12/)]);
  });

  it('a user manager that hangs is given up on after the timeout', async () => {
    const started = Date.now();
    const a = await probeSystemd({ env: { ...env, HANG: '1' }, bootedMarker: marker, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.reason).toBe('systemd user services unavailable: the user manager did not answer (systemctl --user: did not answer within 300 ms)');
  });
});
